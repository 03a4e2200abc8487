"""CBS Veiligheidsmonitor: leefbaarheid, overlast en veiligheid in de woonbuurt, per gemeente.

- 81924NED (2012-2019): older series, keys like ``GoedeVoorzieningenVoorJongeren``.
- 85146NED (2021, 2023, every two years): new design, keys like ``VoorzieningenVoorJongeren``.

The survey was redesigned in 2021 (questionnaire, answer categories, weighting): CBS warns that
2021 is not comparable with earlier years (e.g. "goede voorzieningen voor jongeren" Nederland 25.2%
in 2019, 45.4% in 2021). The definitions of the 2021 keys say so. The older keys get their own
specs ("t/m 2019"); the alias table (indicators migration 0003) currently continues several of
them as the 2021 series, in which case those specs are not used and the break shows as a jump.

All figures are % of residents aged 15 and over, survey estimates with a 95% margin (the
"Marges" rows), except the scale scores (0-10) and report marks (1-10).
Keys that occur more than once in one table (the victimisation blocks of 85146NED, the two overlast
blocks of 81924NED) are left to the table's own metadata.
"""

from __future__ import annotations

from duiding.indicators.catalogue._base import HIGHER, LOWER, SpecBook

SOURCE_NEW = "CBS, Veiligheidsmonitor; leefbaarheid, overlast, veiligheid, regio (85146NED)"
SOURCE_OLD = "CBS, Veiligheidsmonitor; leefbaarheid woonbuurt, regio (81924NED)"
_BREAK = " Nieuwe opzet vanaf 2021: niet vergelijkbaar met eerdere jaren."
_PCT = "% inwoners van 15 jaar en ouder dat"

book = SpecBook(source=SOURCE_NEW, rhythm="biennial")
pct = book.pct

# Physical facilities in the neighbourhood (% who agree).
for new, old, what, name in [
    (
        "OnderhoudStoepenStratenEnPleintjes",
        "WegenPadenPleintjesGoedOnderhouden",
        "stoepen, straten en pleintjes goed onderhouden vindt",
        "Stoepen en straten goed onderhouden",
    ),
    (
        "OnderhoudVanPlantsoenenEnParken",
        "PlantsoenenEnParkenGoedOnderhouden",
        "plantsoenen en parken goed onderhouden vindt",
        "Plantsoenen en parken goed onderhouden",
    ),
    (
        "Straatverlichting",
        "BuitenGoedVerlicht",
        "de straatverlichting goed vindt",
        "Goede straatverlichting",
    ),
    (
        "SpeelplekkenVoorKinderen",
        "GoedeSpeelplekkenVoorKinderen",
        "vindt dat er goede speelplekken voor kinderen zijn",
        "Goede speelplekken voor kinderen",
    ),
    (
        "VoorzieningenVoorJongeren",
        "GoedeVoorzieningenVoorJongeren",
        "vindt dat er goede voorzieningen voor jongeren zijn",
        "Goede voorzieningen voor jongeren",
    ),
]:
    pct(new, name, f"{_PCT} {what} in de eigen buurt.{_BREAK}", direction=HIGHER)
    pct(
        old,
        f"{name} (t/m 2019)",
        f"{_PCT} {what} in de eigen buurt (oude opzet 2012-2019).",
        direction=HIGHER,
        source=SOURCE_OLD,
    )

book.add(
    "FysiekeVoorzieningenSchaalscore",
    "Voorzieningen in de buurt (schaalscore)",
    "Schaalscore fysieke voorzieningen 0-10: hoe hoger, hoe beter het oordeel." + _BREAK,
    unit="index",
    decimals=1,
    direction=HIGHER,
)

# Social cohesion.
for key, what, direction in [
    ("MensenKennenElkaarNauwelijks", "vindt dat mensen elkaar nauwelijks kennen", LOWER),
    ("MensenGaanPrettigMetElkaarOm", "vindt dat mensen prettig met elkaar omgaan", HIGHER),
    ("VoelMijThuisBijMensenInDezeBuurt", "zich thuis voelt bij de mensen in de buurt", HIGHER),
    ("VeelContactMetAndereBuurtbewoners", "veel contact heeft met buurtbewoners", HIGHER),
    (
        "TevredenMetSamenstellingBevolking",
        "tevreden is met de samenstelling van de bevolking",
        HIGHER,
    ),
    ("DurfMijnHuissleutelTeGeven", "buren de huissleutel durft te geven (vanaf 2021)", HIGHER),
    (
        "MensenSprekenElkaarAanOpGedrag",
        "vindt dat mensen elkaar aanspreken op gedrag (vanaf 2021)",
        HIGHER,
    ),
]:
    name = what[0].upper() + what[1:]
    pct(key, name.split(" (")[0], f"{_PCT} {what}, over de eigen buurt.", direction=direction)
pct(
    "GezelligeBuurtWaarMenElkaarHelpt",
    "Gezellige buurt waar men elkaar helpt",
    f"{_PCT} de buurt gezellig vindt, met mensen die elkaar helpen.{_BREAK}",
    direction=HIGHER,
)
pct(
    "GezelligeBuurtMetVeelSaamhorigheid",
    "Gezellige buurt met veel saamhorigheid (t/m 2019)",
    f"{_PCT} in een gezellige buurt met veel saamhorigheid woont (oude opzet 2012-2019).",
    direction=HIGHER,
    source=SOURCE_OLD,
)
book.add(
    "SocialeCohesieSchaalscore",
    "Sociale cohesie (schaalscore)",
    "Schaalscore sociale cohesie 0-10 op basis van de stellingen over de buurt: hoe hoger, hoe "
    "sterker de onderlinge band." + _BREAK,
    unit="index",
    decimals=1,
    direction=HIGHER,
)
pct(
    "VooruitGegaan",
    "Buurt vooruitgegaan",
    f"{_PCT} vindt dat de buurt het afgelopen jaar vooruit is gegaan.",
    direction=HIGHER,
)
pct(
    "AchteruitGegaan",
    "Buurt achteruitgegaan",
    f"{_PCT} vindt dat de buurt het afgelopen jaar achteruit is gegaan.",
    direction=LOWER,
)
pct(
    "GelijkGebleven",
    "Buurt gelijk gebleven (t/m 2019)",
    f"{_PCT} vindt dat de buurt het afgelopen jaar gelijk is gebleven.",
    source=SOURCE_OLD,
)
book.add(
    "RapportcijferLeefbaarheidWoonbuurt",
    "Rapportcijfer leefbaarheid buurt",
    "Gemiddeld rapportcijfer (1-10) dat inwoners geven voor de leefbaarheid van hun buurt."
    + _BREAK,
    unit="mean",
    decimals=1,
    direction=HIGHER,
)
pct(
    "OordeelFunctionerenGemeenteAlgemeen",
    "Tevreden over gemeente (leefbaarheid en veiligheid)",
    f"{_PCT} tevreden is over de aanpak van leefbaarheid en veiligheid door de gemeente.",
    direction=HIGHER,
)
pct(
    "OordeelFunctionerenGemeenteHandhavers",
    "Tevreden over gemeentelijke handhavers",
    f"{_PCT} tevreden is over het functioneren van gemeentelijke handhavers (boa's).",
    direction=HIGHER,
)
for key, name, what in [
    (
        "HeeftAandachtVerbeterenLeefbaarheid",
        "Gemeente heeft aandacht voor leefbaarheid (t/m 2019)",
        "vindt dat de gemeente aandacht heeft voor het verbeteren van de leefbaarheid",
    ),
    (
        "InformeertBuurtMbtAanpakLeefbaarheid",
        "Gemeente informeert de buurt (t/m 2019)",
        "vindt dat de gemeente de buurt informeert over de aanpak van de leefbaarheid",
    ),
    (
        "BetrektBuurtBijAanpakLeefbaarheid",
        "Gemeente betrekt de buurt (t/m 2019)",
        "vindt dat de gemeente de buurt betrekt bij de aanpak van de leefbaarheid",
    ),
]:
    pct(key, name, f"{_PCT} {what}.", direction=HIGHER, source=SOURCE_OLD)

# Nuisance: "komt vaak voor in de buurt" (85146NED).
pct(
    "ErvaartEenOfMeerVormenVanOverlast",
    "Ervaart overlast",
    f"{_PCT} een of meer vormen van overlast ervaart in de buurt.",
    direction=LOWER,
)
pct(
    "EenOfMeerVormenKomenVoor",
    "Overlast komt voor (t/m 2019)",
    f"{_PCT} zegt dat een of meer vormen van overlast voorkomen.",
    direction=LOWER,
    source=SOURCE_OLD,
)
for key, what in [
    ("RommelOpStraat", "rommel op straat"),
    ("StraatmeubilairDatVernieldIs", "vernield straatmeubilair"),
    ("BekladdeMurenOfGebouwen", "bekladde muren of gebouwen"),
    ("Hondenpoep", "hondenpoep"),
    ("EenOfMeerVormenFysiekeVerloedering", "een of meer vormen van fysieke verloedering"),
    ("DronkenMensenOpStraat", "dronken mensen op straat"),
    ("VerwardePersonen", "verwarde personen"),
    ("Drugsgebruik", "drugsgebruik"),
    ("Drugshandel", "drugshandel"),
    ("OverlastDoorBuurtbewoners", "overlast door buurtbewoners"),
    ("MensenWordenOpStraatLastiggevallen", "mensen die op straat worden lastiggevallen"),
    ("RondhangendeJongeren", "rondhangende jongeren"),
    ("EenOfMeerVormenVanSocialeOverlast", "een of meer vormen van sociale overlast"),
    ("Parkeerproblemen", "parkeerproblemen"),
    ("TeHardRijden", "te hard rijden"),
    ("AgressiefGedragInVerkeer", "agressief gedrag in het verkeer"),
    ("EenOfMeerVormenVanVerkeersoverlast", "een of meer vormen van verkeersoverlast"),
    ("Geluidsoverlast", "geluidsoverlast"),
    ("Stankoverlast", "stankoverlast"),
    ("OverlastVanHorecagelegenheden", "overlast van horeca"),
    ("EenOfMeerVormenVanMilieuoverlast", "een of meer vormen van milieuoverlast"),
]:
    pct(
        key,
        f"Vaak {what}" if not what.startswith("een of meer") else what.capitalize(),
        f"{_PCT} zegt dat {what} vaak voorkomt in de buurt.",
        direction=LOWER,
    )

# Feelings of (un)safety and crime in the neighbourhood.
for key, what, direction in [
    ("VoeltZichWeleensOnveilig", "zich weleens onveilig voelt (algemeen)", LOWER),
    ("VoeltZichVaakOnveilig", "zich vaak onveilig voelt (algemeen)", LOWER),
    ("VoeltZichWeleensOnveiligInBuurt", "zich weleens onveilig voelt in de eigen buurt", LOWER),
    ("VoeltZichVaakOnveiligInBuurt", "zich vaak onveilig voelt in de eigen buurt", LOWER),
    (
        "SAvondsOpStraatInBuurtOnveilig",
        "zich 's avonds op straat in de buurt onveilig voelt",
        LOWER,
    ),
    ("SAvondsAlleenThuisOnveilig", "zich 's avonds alleen thuis onveilig voelt", LOWER),
    ("DoetSAvondsNietOpen", "'s avonds niet opendoet uit onveiligheid", LOWER),
    ("RijdtOfLooptOm", "omloopt of omrijdt om onveilige plekken te vermijden", LOWER),
    (
        "BangSlachtofferCriminaliteitTeWorden",
        "bang is slachtoffer van criminaliteit te worden",
        LOWER,
    ),
    ("DenktDatErVeelCriminaliteitInBuurt", "denkt dat er veel criminaliteit in de buurt is", LOWER),
    (
        "VindtCriminaliteitInBuurtToegenomen",
        "vindt dat de criminaliteit in de buurt is toegenomen",
        LOWER,
    ),
    (
        "VindtCriminaliteitInBuurtAfgenomen",
        "vindt dat de criminaliteit in de buurt is afgenomen",
        HIGHER,
    ),
    ("GediscrimineerdGevoeld", "zich het afgelopen jaar gediscrimineerd heeft gevoeld", LOWER),
    (
        "TevredenheidFunctionerenInBuurt",
        "tevreden is over het functioneren van de politie in de buurt",
        HIGHER,
    ),
    (
        "TevredenheidZichtbaarheidInBuurt",
        "tevreden is over de zichtbaarheid van de politie in de buurt",
        HIGHER,
    ),
    (
        "TevredenheidFunctionerenInAlgemeen",
        "tevreden is over het functioneren van de politie in het algemeen",
        HIGHER,
    ),
]:
    pct(key, what[0].upper() + what[1:], f"{_PCT} {what}.", direction=direction)
book.add(
    "RapportcijferVeiligheidInBuurt",
    "Rapportcijfer veiligheid buurt",
    "Gemiddeld rapportcijfer (1-10) dat inwoners geven voor de veiligheid in hun buurt.",
    unit="mean",
    decimals=1,
    direction=HIGHER,
)

SPECS = book.specs
