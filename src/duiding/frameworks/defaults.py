"""Default links between the domains of "Rotterdam Groeit" and the CBS indicators Duiding loads.

`DEFAULT_DOMAIN_INDICATORS[(pillar, domain)]` lists indicator codes (the CBS key without its
numeric suffix, or a derived indicator's code). `frameworks.services.default_links_apply()` links
an indicator the first time it appears; a beheerder changes the links afterwards on the indicator
page. Indicators that fit no domain (population counts, housing, businesses) stay unlinked and are
shown under "Overige cijfers".

Placement follows the city ambition of each domain (seed 003, chapter 1 and appendix 1). CBS has
little on youth itself at wijk level, so several domains hold context figures about the family
and the neighbourhood, the way the Rotterdam "Staat van de Jeugd" uses them. Each choice is argued
in a comment; where it is debatable, the comment says so.
"""

from __future__ import annotations

KANSRIJK = "Kansrijk"
VEILIG = "Veilig"
GEZOND = "Gezond"

DEFAULT_FRAMEWORK_SLUG = "rotterdam-groeit"

DEFAULT_DOMAIN_INDICATORS: dict[tuple[str, str], list[str]] = {
    # "Meer jeugdigen hebben werk." CBS has no youth employment at wijk level; the work and income
    # of the households children grow up in is the nearest context (poverty is the strongest
    # known risk factor for growing up, factor model in seed 003).
    (KANSRIJK, "Werk"): [
        "Nettoarbeidsparticipatie",
        "PersonenPerSoortUitkeringBijstand",
        "PersonenPerSoortUitkeringWW",
        "PersonenPerSoortUitkeringAO",  # debatable: also a health figure; kept with the benefits
        "HuishoudensMetEenLaagInkomen",
        "HuishOnderOfRondSociaalMinimum",
        "HuishoudensTot110VanSociaalMinimum",
        "HuishoudensTot120VanSociaalMinimum",
        "k_40HuishoudensMetLaagsteInkomen",
        "k_40PersonenMetLaagsteInkomen",
        "GemiddeldInkomenPerInwoner",
        "GemGestandaardiseerdInkomenVanHuish",
    ],
    # "Meer jeugdigen leveren betere prestaties op school en behalen hun schooldiploma."
    # The education level of the adults around a child predicts school results; pupil counts are
    # population counts and stay unlinked.
    (KANSRIJK, "Schoolprestaties"): [
        "BasisonderwijsVmboMbo1",
        "HavoVwoMbo24",
        "HboWo",
    ],
    # "Meer jeugdigen doen mee aan sport, cultuur en vrijwilligerswerk." Residents' view of the
    # facilities for young people and of the play areas: the offer young people can join in.
    # (Speelplekken could sit under "veilige wijk" too; it is about taking part, so here.)
    (KANSRIJK, "Meedoen aan sport, cultuur en vrijwilligerswerk"): [
        "VoorzieningenVoorJongeren",
        "GoedeVoorzieningenVoorJongeren",
        "SpeelplekkenVoorKinderen",
        "GoedeSpeelplekkenVoorKinderen",
    ],
    # "Minder jeugdigen maken zich schuldig aan criminaliteit." Jeugdreclassering is imposed or
    # offered after an offence: the most direct measure of youth crime CBS publishes per area.
    # Referrals by judge or public prosecutor are mostly criminal-law referrals (debatable: the
    # juvenile judge also orders child protection). Nuisance by youths hanging around is the
    # survey's nearest signal of youth crime in the street (debatable: nuisance is not crime).
    (VEILIG, "Criminaliteit"): [
        "JongerenMetJeugdreclassering",
        "TotaalJeugdreclasseringstrajecten",
        "ToezichtEnBegeleidingGedwongenKader",
        "ToezichtEnBegeleidingVrijwillig",
        "IndividueleTrajectbegeleidingHardeKern",
        "IndividueleTrajectbegeleidingCriem",
        "RechterOfficierVanJustitie",
        "RondhangendeJongeren",
    ],
    # "Meer jeugdigen groeien op in een veilige thuissituatie." A child-protection measure (OTS,
    # voogdij) means a judge found the child unsafe at home; referrals by a gecertificeerde
    # instelling follow from such measures. Care with accommodation (foster care, residential)
    # means the child cannot live at home, usually because home is not safe enough (debatable for
    # closed placements, which are also about the youth's own behaviour).
    (VEILIG, "Veilig thuis"): [
        "JongerenMetJeugdbescherming",
        "JeugdbeschEnJeugdhMetVerblInNat",
        "TotaalJeugdbeschermingstrajecten",
        "TotaalOndertoezichtstelling",
        "Ondertoezichtstelling",
        "VoorlopigeOndertoezichtstelling",
        "TotaalVoogdij",
        "ReguliereVoogdij",
        "VoorlopigeVoogdij",
        "TijdelijkeVoogdij",
        "GecertificeerdeInstelling",
        "AandeelVerwezenDoorGecertificeerdeInstelling",
        "JongerenMetJeugdhMetVerblInNat",
        "TotaalJeugdhulpMetVerblijf",
        "Pleegzorg",
        "Gezinsgericht",
        "GeslotenPlaatsing",
        "AnderVerblijfBijJeugdhulpaanbieder",
    ],
    # "Meer jeugdigen groeien op in een veilige wijk en een veilige schoolomgeving." Residents'
    # judgement of their neighbourhood from the Veiligheidsmonitor: feeling safe, crime and
    # nuisance in the street, social cohesion (people who know and correct each other) and the
    # overall mark for the neighbourhood.
    (VEILIG, "Veilige wijk en schoolomgeving"): [
        "RapportcijferVeiligheidInBuurt",
        "VoeltZichWeleensOnveiligInBuurt",
        "VoeltZichVaakOnveiligInBuurt",
        "SAvondsOpStraatInBuurtOnveilig",
        "DenktDatErVeelCriminaliteitInBuurt",
        "SocialeCohesieSchaalscore",
        "MensenSprekenElkaarAanOpGedrag",
        "MensenKennenElkaarNauwelijks",
        "RapportcijferLeefbaarheidWoonbuurt",
        "ErvaartEenOfMeerVormenVanOverlast",
        "EenOfMeerVormenVanSocialeOverlast",
        "EenOfMeerVormenFysiekeVerloedering",
        "Drugshandel",
        "Straatverlichting",
        "BuitenGoedVerlicht",
    ],
    # "Meer jeugdigen hebben een betere sociaal-emotionele gezondheid." Jeugdhulp is mostly help
    # with psychosocial, behavioural and developmental problems, so youth-care use and its routes
    # (referrers, wijkteam, form of care) are read here. Direction is neutral for most of them:
    # more use can mean more problems or better reach.
    (GEZOND, "Sociaal-emotionele gezondheid"): [
        "TotaalJongerenMetJeugdzorgInNatura",
        "PercentageJongerenMetJeugdzorg",
        "JongerenMetJeugdzorgInNatura",
        "JongerenMetJeugdhulpInNatura",
        "k_0Tot4Jaar",
        "k_4Tot12Jaar",
        "k_12Tot18Jaar",
        "k_18Tot23Jaar",
        "ThuiswonendKindInEenouderhuishouden",
        "ThuiswonendKindBijEenPaar",
        "AnderHuishouden",
        "TotaalTrajectenInNatura",
        "GemeentelijkeToegang",
        "AandeelVerwezenDoorGemeentelijkeToegang",
        "Huisarts",
        "AandeelVerwezenDoorHuisarts",
        "Jeugdarts",
        "AandeelVerwezenDoorJeugdarts",
        "MedischSpecialist",
        "GeenVerwijzer",
        "VerwijzerOnbekend",
        "StabilisatieVanEenCrisissituatie",
        "Diagnostiek",
        "Begeleiden",
        "Behandelen",
        "TotaalJeugdzorgtrajectenInNatura",
        "TotaalJeugdhulptrajectenInNatura",
        "TotaalJeugdhulpZonderVerblijf",
        "UitgevoerdDoorHetWijkOfBuurtteam",
        "AandeelJeugdhulpDoorWijkteam",
        "TotaalNietUitgevoerd",
        "AmbulanteJeugdhulpOpLocatieAanbieder",
        "DaghulpOpLocatieVanDeAanbieder",
        "JeugdhulpInHetNetwerkVanDeJongere",
        # Outcome of ended jeugdhulp trajectories (national only in the CBS tables).
        "PercentageBeeindigdVolgensPlan",
        "PercentageVoortijdigAfgesloten",
        "TotaalBeeindigdeTrajecten",
        "BeeindigdVolgensPlan",
        "TotaalVoortijdigAfgesloten",
    ],
    # "Meer jeugdigen gedragen zich gezonder." CBS publishes no youth health behaviour per area
    # (smoking, alcohol, sport come from the GGD Jeugdmonitor): the domain fills when such figures
    # are imported with `duiding import-observations`.
    (GEZOND, "Gezond gedrag"): [],
    # "Meer jeugdigen hebben een betere algemene gezondheid." Access to the GP and support for
    # residents with limitations (Wmo) are the nearest CBS context figures (debatable: Wmo is
    # mostly adults; it tells about the care load in the family).
    (GEZOND, "Algemene gezondheid"): [
        "AfstandTotHuisartsenpraktijk",
        "WmoClienten",
        "WmoClientenRelatief",
    ],
}


def default_codes() -> set[str]:
    """Every indicator code the default mapping mentions."""
    return {code for codes in DEFAULT_DOMAIN_INDICATORS.values() for code in codes}
