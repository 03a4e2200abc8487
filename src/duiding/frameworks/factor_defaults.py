"""The default factor model of "Rotterdam Groeit": life areas, age phases and factors.

Loaded by the data migration `0005_default_factors` (all factors `is_default=True`,
`confirmed=False`: "standaard — te bevestigen door de gemeente") and used by
`services.default_links_apply` to link the factors to indicators that appear with a later import.

Sources, in this order:
1. The ranking of seed 003 appendix 4 (Methodiekhandleiding Wijkprogrammering, bijlage 4). The
   numbers after rank 1 were damaged in the seed and are read as issue 3 lists them.
2. Factors the handbook names elsewhere (chapter 2, Deel 2 step 1 and 2, appendix 3), with the
   domains, life areas and age phases the text gives. Names stay close to the handbook's words.
3. Where the Rotterdam lists are not public: the Communities that Care risk and protective factors
   per CtC domain (buurt, gezin, school, individu/vrienden), as the public substitute. A CtC factor
   that the Rotterdam lists already hold (weinig binding met de buurt, verloedering, sociale
   vaardigheden) is not repeated.

A rank is never invented: only appendix 4 gives ranks; every other factor's rank stays empty.
Indicator codes are those of `defaults.DEFAULT_DOMAIN_INDICATORS` (CBS keys without suffix) and
are linked only where the figure clearly measures the factor; absent indicators are skipped.
Editing this data later changes only new databases: a beheerder's edits are data, not code.
"""

from __future__ import annotations

RISK, PROTECTIVE, BOTH = "risk", "protective", "both"

# code, name (in the handbook's order)
LIFE_AREAS = [
    ("kind-jeugdige", "Kind/jeugdige"),
    ("ouders-gezin", "Ouders/gezin"),
    ("school", "School"),
    ("wijk", "Wijk"),
    ("digitale-omgeving", "Digitale omgeving/internet"),
]
AGE_PHASES = [
    ("zwangerschap", "Zwangerschap"),
    ("vroege-kindertijd", "Vroege kindertijd"),
    ("basisschoolleeftijd", "Basisschoolleeftijd"),
    ("adolescentie", "Adolescentie"),
    ("jongvolwassenheid", "Jongvolwassenheid"),
]

# Domain names of the default framework (migration 0002).
WERK = "Werk"
SCHOOL = "Schoolprestaties"
MEEDOEN = "Meedoen aan sport, cultuur en vrijwilligerswerk"
CRIMI = "Criminaliteit"
THUIS = "Veilig thuis"
WIJK = "Veilige wijk en schoolomgeving"
SEG = "Sociaal-emotionele gezondheid"
GEDRAG = "Gezond gedrag"
GEZOND = "Algemene gezondheid"

# Life areas and age phases by code (short names for the table below).
KIND, OUDERS, SCHOOL_LA, WIJK_LA, DIGITAAL = (c for c, _ in LIFE_AREAS)
ZWANGER, VROEG, BASIS, ADOL, JONGVOLW = (c for c, _ in AGE_PHASES)

SRC_RANKING = (
    "Methodiekhandleiding Wijkprogrammering (gemeente Rotterdam), bijlage 4: Ranking van factoren"
)
SRC_MODEL = (
    "Methodiekhandleiding Wijkprogrammering (gemeente Rotterdam), hoofdstuk 2 en bijlage 3: "
    "Factorenmodel; Beleidskader Jeugd 'Rotterdam Groeit' (Wiering, 2015)"
)
SRC_STEP = "Methodiekhandleiding Wijkprogrammering (gemeente Rotterdam), deel 2, stap 1 en 2"
SRC_CTC = "Communities that Care, Nederlands Jeugdinstituut / CtC-factorenlijst"


def _f(name, kind, rank, explanation, source, life_areas=(), age_phases=(), domains=(), codes=()):
    return {
        "name": name,
        "kind": kind,
        "rank": rank,
        "explanation": explanation,
        "source": source,
        "life_areas": list(life_areas),
        "age_phases": list(age_phases),
        "domains": list(domains),
        "indicators": list(codes),
    }


LAGE_OPLEIDING = "Lage opleiding / verzuim / voortijdig schoolverlaten / slechte schoolprestaties"

# fmt: off
# 1. The ranking (appendix 4), ranks exactly as issue 3 reads them.
RANKING = [
    _f("Emotionele en sociale vaardigheden", PROTECTIVE, 1,
       "Sociaal-emotionele vaardigheden van het kind; hangt het meest samen met andere factoren. "
       "Inzet hierop draagt bij aan schoolsucces en een startkwalificatie.",
       SRC_RANKING, [KIND], [BASIS, ADOL], [SEG, SCHOOL, WERK]),
    _f("Ouderlijke psychopathologie", RISK, 2,
       "Psychische problematiek bij ouders: een belangrijke risicofactor voor het perspectief "
       "van jeugdigen.",
       SRC_RANKING, [OUDERS], [], [THUIS, SEG]),
    _f("Sociaal economische status", BOTH, 2,
       "Inkomen, opleiding en werk van het gezin; een lage status is een risicofactor.",
       SRC_RANKING, [OUDERS], [], [WERK, SCHOOL],
       ["HuishoudensMetEenLaagInkomen", "HuishOnderOfRondSociaalMinimum",
        "GemGestandaardiseerdInkomenVanHuish"]),
    _f("Opvoedingsvaardigheden", PROTECTIVE, 2,
       "Opvoedingsvaardigheden van ouders hebben invloed op het schoolsucces en de veiligheid "
       "thuis.",
       SRC_RANKING, [OUDERS], [VROEG, BASIS], [SCHOOL, THUIS]),
    _f("Psychosociale problemen", RISK, 3,
       "Psychosociale problemen van de jeugdige; aanpak ervan draagt bij aan betere "
       "schoolprestaties.",
       SRC_RANKING, [KIND], [], [SEG, SCHOOL]),
    _f(LAGE_OPLEIDING, RISK, 3,
       "Schoolsucces hangt samen met werk op jongvolwassen leeftijd; verzuim en uitval "
       "vergroten de kans op problemen.",
       SRC_RANKING, [KIND, SCHOOL_LA], [ADOL, JONGVOLW], [SCHOOL, WERK],
       ["BasisonderwijsVmboMbo1"]),
    _f("Woonomgeving / slechte buurt", RISK, 4,
       "Een slechte buurt met armoede en achterstanden; een onveilige wijk hangt mogelijk "
       "negatief samen met schoolsucces.",
       SRC_RANKING, [WIJK_LA], [], [WIJK, SCHOOL],
       ["RapportcijferLeefbaarheidWoonbuurt", "EenOfMeerVormenFysiekeVerloedering"]),
    _f("Middelengebruik", RISK, 4,
       "Gebruik van alcohol en drugs door jeugdigen zelf.",
       SRC_RANKING, [KIND], [], [GEDRAG, CRIMI]),
    _f("Mishandeling", RISK, 4,
       "Kindermishandeling en huiselijk geweld.",
       SRC_RANKING, [OUDERS], [], [THUIS, SEG]),
    _f("Criminaliteit", RISK, 5,
       "Criminaliteit in de wijk en door jeugdigen; heeft ook invloed op school, veilig thuis "
       "en werk.",
       SRC_RANKING, [WIJK_LA, KIND], [], [CRIMI, WIJK, SCHOOL, THUIS, WERK],
       ["DenktDatErVeelCriminaliteitInBuurt", "JongerenMetJeugdreclassering"]),
    _f("Sport / beweging (individu)", PROTECTIVE, 5,
       "Zelf sporten en bewegen.",
       SRC_RANKING, [KIND], [], [MEEDOEN, GEDRAG, GEZOND]),
    _f("Stimuleren vanuit omgeving cultuur", PROTECTIVE, 5,
       "Een omgeving die meedoen aan cultuur stimuleert.",
       SRC_RANKING, [OUDERS, WIJK_LA], [], [MEEDOEN]),
    _f("Stimuleren / bekendheid sport", PROTECTIVE, 5,
       "Een omgeving die sporten stimuleert en het sportaanbod bekend maakt.",
       SRC_RANKING, [OUDERS, WIJK_LA], [], [MEEDOEN]),
    _f("Temperament", BOTH, 5,
       "Aangeboren temperament van het kind.",
       SRC_RANKING, [KIND], [], [SEG]),
    _f("Toegang voorzieningen", PROTECTIVE, 5,
       "Bereikbare voorzieningen voor jeugdigen en gezinnen.",
       SRC_RANKING, [WIJK_LA], [], [MEEDOEN, GEZOND],
       ["VoorzieningenVoorJongeren", "AfstandTotHuisartsenpraktijk"]),
    _f("Voeding", BOTH, 5,
       "Gezonde of ongezonde voeding.",
       SRC_RANKING, [KIND, OUDERS], [], [GEZOND, GEDRAG]),
    _f("Zwakke binding met buurt", RISK, 5,
       "Weinig binding van bewoners met elkaar en met de buurt.",
       SRC_RANKING, [WIJK_LA], [], [WIJK, MEEDOEN],
       ["SocialeCohesieSchaalscore", "MensenKennenElkaarNauwelijks"]),
]

# 2. Named elsewhere in the handbook; no rank.
NAMED = [
    _f("Armoede en achterstanden", RISK, None,
       "Een overkoepelende factor die op meerdere domeinen en pijlers invloed heeft (voorbeeld "
       "totaalbeeld: geen startkwalificatie, spijbelen, onveilige wijk).",
       SRC_STEP, [OUDERS, WIJK_LA], [], [WERK, SCHOOL, WIJK],
       ["HuishoudensMetEenLaagInkomen", "HuishOnderOfRondSociaalMinimum",
        "HuishoudensTot110VanSociaalMinimum", "PersonenPerSoortUitkeringBijstand"]),
    _f("Ouderbetrokkenheid", PROTECTIVE, None,
       "Betrokkenheid van ouders bij school en vrije tijd; lage betrokkenheid hangt samen met "
       "overlastgevend gedrag.",
       SRC_STEP, [OUDERS, SCHOOL_LA], [BASIS, ADOL], [SCHOOL, CRIMI]),
    _f("Spijbelen en schoolverzuim", RISK, None,
       "Schoolverzuim hangt samen met overlastgevend gedrag en schooluitval; preventie in de "
       "adolescentie.",
       SRC_STEP, [KIND, SCHOOL_LA], [ADOL], [SCHOOL, CRIMI]),
    _f("Speel-, sport- en recreatievoorzieningen", PROTECTIVE, None,
       "Speel- en sportvoorzieningen hangen samen met een veilige wijk en meedoen.",
       SRC_STEP, [WIJK_LA], [], [WIJK, MEEDOEN],
       ["SpeelplekkenVoorKinderen", "GoedeSpeelplekkenVoorKinderen",
        "VoorzieningenVoorJongeren", "GoedeVoorzieningenVoorJongeren"]),
    _f("Onveilig schoolklimaat", RISK, None,
       "Een onveilig klimaat op school; inzet hierop draagt bij aan schoolprestaties.",
       SRC_MODEL, [SCHOOL_LA], [], [WIJK, SCHOOL]),
    _f("Taalachterstand", RISK, None,
       "Taalachterstand bij kinderen, een belangrijke risicofactor voor hun perspectief.",
       SRC_MODEL, [KIND], [], [SCHOOL]),
    _f("Leerachterstanden", RISK, None,
       "Achterstanden in het leren op school.",
       SRC_MODEL, [KIND, SCHOOL_LA], [], [SCHOOL]),
    _f("Psychische stoornis", RISK, None,
       "Een psychische stoornis van de jeugdige.",
       SRC_MODEL, [KIND], [], [SEG]),
    _f("Problemen in het gezin", RISK, None,
       "Problemen in het gezin bedreigen de ontwikkeling van een kind.",
       SRC_MODEL, [OUDERS], [], [THUIS]),
    _f("Echtscheiding", RISK, None,
       "Scheiding van ouders.",
       SRC_MODEL, [OUDERS], [], [THUIS, SEG]),
    _f("Werkloosheid", RISK, None,
       "Werkloosheid in het gezin.",
       SRC_MODEL, [OUDERS], [], [WERK],
       ["PersonenPerSoortUitkeringWW"]),
    _f("Verpaupering buurt", RISK, None,
       "Verpaupering en verloedering van de wijk.",
       SRC_MODEL, [WIJK_LA], [], [WIJK],
       ["EenOfMeerVormenFysiekeVerloedering"]),
    _f("Sociale steun voor gezin en jeugdige", PROTECTIVE, None,
       "Steun uit het netwerk van gezin en jeugdige.",
       SRC_MODEL, [OUDERS, WIJK_LA], [], [THUIS, SEG]),
    _f("Positief zelfbeeld", PROTECTIVE, None,
       "Een positief zelfbeeld van het kind.",
       SRC_MODEL, [KIND], [], [SEG]),
    _f("Sociale cohesie", PROTECTIVE, None,
       "Bewoners kennen elkaar en spreken elkaar aan op gedrag.",
       SRC_MODEL, [WIJK_LA], [], [WIJK],
       ["SocialeCohesieSchaalscore", "MensenSprekenElkaarAanOpGedrag"]),
    _f("Prosociale normen", PROTECTIVE, None,
       "Prosociale normen op school, in het gezin en in de wijk.",
       SRC_MODEL, [SCHOOL_LA, OUDERS, WIJK_LA], [], [CRIMI, WIJK]),
    _f("Constructieve tijdsbesteding", PROTECTIVE, None,
       "Zinvolle vrijetijdsbesteding, bijvoorbeeld via welzijn, sport en kunst.",
       SRC_MODEL, [KIND], [], [MEEDOEN]),
]

# 3. Communities that Care, per CtC domain; no rank.
CTC = [
    # buurt
    _f("Beschikbaarheid van drugs en wapens in de buurt", RISK, None,
       "CtC-risicofactor buurt.", SRC_CTC, [WIJK_LA], [], [CRIMI, GEDRAG], ["Drugshandel"]),
    _f("Buurtnormen die probleemgedrag goedkeuren", RISK, None,
       "CtC-risicofactor buurt.", SRC_CTC, [WIJK_LA], [], [CRIMI, WIJK]),
    _f("Veel verhuizingen en verloop in de buurt", RISK, None,
       "CtC-risicofactor buurt.", SRC_CTC, [WIJK_LA], [], [WIJK]),
    _f("Kansen voor positieve betrokkenheid in de buurt", PROTECTIVE, None,
       "CtC-beschermende factor buurt.", SRC_CTC, [WIJK_LA], [], [MEEDOEN, WIJK]),
    _f("Erkenning voor positieve betrokkenheid in de buurt", PROTECTIVE, None,
       "CtC-beschermende factor buurt.", SRC_CTC, [WIJK_LA], [], [MEEDOEN]),
    # gezin
    _f("Probleemgedrag in de familiegeschiedenis", RISK, None,
       "CtC-risicofactor gezin.", SRC_CTC, [OUDERS], [], [CRIMI, GEDRAG]),
    _f("Problemen met het gezinsmanagement", RISK, None,
       "CtC-risicofactor gezin: weinig toezicht, onduidelijke regels, inconsequent straffen.",
       SRC_CTC, [OUDERS], [], [THUIS, CRIMI]),
    _f("Conflicten in het gezin", RISK, None,
       "CtC-risicofactor gezin.", SRC_CTC, [OUDERS], [], [THUIS, SEG]),
    _f("Positieve houding van ouders tegenover probleemgedrag", RISK, None,
       "CtC-risicofactor gezin.", SRC_CTC, [OUDERS], [], [GEDRAG, CRIMI]),
    _f("Hechting en binding met het gezin", PROTECTIVE, None,
       "CtC-beschermende factor gezin.", SRC_CTC, [OUDERS], [], [THUIS, SEG]),
    _f("Kansen en erkenning voor positieve betrokkenheid in het gezin", PROTECTIVE, None,
       "CtC-beschermende factor gezin.", SRC_CTC, [OUDERS], [], [THUIS]),
    # school
    _f("Vroeg beginnend antisociaal gedrag", RISK, None,
       "CtC-risicofactor school: gedragsproblemen die al op de basisschool beginnen.",
       SRC_CTC, [SCHOOL_LA, KIND], [BASIS], [CRIMI, SCHOOL]),
    _f("Schoolachterstand vanaf de basisschool", RISK, None,
       "CtC-risicofactor school.", SRC_CTC, [SCHOOL_LA], [BASIS], [SCHOOL]),
    _f("Gebrek aan binding met school", RISK, None,
       "CtC-risicofactor school.", SRC_CTC, [SCHOOL_LA], [], [SCHOOL]),
    _f("Kansen en erkenning voor positieve betrokkenheid op school", PROTECTIVE, None,
       "CtC-beschermende factor school.", SRC_CTC, [SCHOOL_LA], [], [SCHOOL]),
    # individu / vrienden
    _f("Vervreemding en opstandigheid", RISK, None,
       "CtC-risicofactor individu/vrienden.", SRC_CTC, [KIND], [], [CRIMI, SEG]),
    _f("Vrienden met probleemgedrag", RISK, None,
       "CtC-risicofactor individu/vrienden.", SRC_CTC, [KIND], [], [CRIMI, GEDRAG]),
    _f("Positieve houding tegenover probleemgedrag", RISK, None,
       "CtC-risicofactor individu/vrienden.", SRC_CTC, [KIND], [], [CRIMI, GEDRAG]),
    _f("Vroeg beginnen met probleemgedrag", RISK, None,
       "CtC-risicofactor individu/vrienden: vroeg beginnen met middelengebruik of criminaliteit.",
       SRC_CTC, [KIND], [], [CRIMI, GEDRAG]),
    _f("Geloof in duidelijke normen", PROTECTIVE, None,
       "CtC-beschermende factor individu/vrienden.", SRC_CTC, [KIND], [], [CRIMI]),
    _f("Omgang met vrienden met positief gedrag", PROTECTIVE, None,
       "CtC-beschermende factor individu/vrienden.", SRC_CTC, [KIND], [], [CRIMI, SEG]),
]

# fmt: on

DEFAULT_FACTORS = RANKING + NAMED + CTC

# Youth-care figures (CBS jeugdzorg per wijk) that point to a factor (migration 0006 adds them to
# existing databases; `factor_indicator_codes` makes later imports link them). CBS publishes
# youth care per wijk, and little else about youth itself, so these are the figures that can
# lead from "what do we see" to "what lies beneath" in most areas. The arguments:
# - Youth care in kind, and care that aims at treatment, is mostly help with psychosocial,
#   behavioural and psychiatric problems (CBS Jeugdmonitor): psychosocial problems, psychiatric
#   disorder. A GP's referral is the usual route for those problems; the jeugdarts (JGZ) is the
#   route for problems in development and upbringing seen at the consultation office or school.
# - A child-protection measure (OTS, voogdij), and a referral by a gecertificeerde instelling,
#   means a judge found the child's development threatened at home: family problems, abuse,
#   parenting skills, and (often behind these) parental psychopathology.
# - A referral by the gemeentelijke toegang (wijkteam) follows a question of the family itself:
#   family problems and parenting skills. Care with accommodation (foster care) means the child
#   cannot live at home.
# Counts are never flagged (areas differ in size); the shares (Aandeel..., Percentage...) are.
YOUTH_CARE_FACTOR_LINKS: dict[str, list[str]] = {
    "Psychosociale problemen": [
        "PercentageJongerenMetJeugdzorg",
        "TotaalJongerenMetJeugdzorgInNatura",
        "JongerenMetJeugdhulpInNatura",
        "Behandelen",
        "AandeelVerwezenDoorHuisarts",
        "AandeelVerwezenDoorJeugdarts",
    ],
    "Psychische stoornis": ["Diagnostiek", "Behandelen", "AandeelVerwezenDoorHuisarts"],
    "Problemen in het gezin": [
        "JongerenMetJeugdbescherming",
        "TotaalOndertoezichtstelling",
        "Pleegzorg",
        "AandeelVerwezenDoorGecertificeerdeInstelling",
        "AandeelVerwezenDoorGemeentelijkeToegang",
    ],
    "Mishandeling": [
        "JongerenMetJeugdbescherming",
        "TotaalOndertoezichtstelling",
        "AandeelVerwezenDoorGecertificeerdeInstelling",
    ],
    "Ouderlijke psychopathologie": [
        "JongerenMetJeugdbescherming",
        "AandeelVerwezenDoorGecertificeerdeInstelling",
    ],
    "Opvoedingsvaardigheden": [
        "TotaalOndertoezichtstelling",
        "AandeelVerwezenDoorJeugdarts",
        "AandeelVerwezenDoorGemeentelijkeToegang",
    ],
    "Criminaliteit": ["TotaalJeugdreclasseringstrajecten", "RechterOfficierVanJustitie"],
}


def factor_indicator_codes() -> dict[str, list[str]]:
    """factor name -> the indicator codes it is linked to by default (the factor table's own
    codes, then the youth-care links)."""
    codes = {f["name"]: list(f["indicators"]) for f in DEFAULT_FACTORS}
    for name, extra in YOUTH_CARE_FACTOR_LINKS.items():
        if name in codes:
            codes[name] += [c for c in extra if c not in codes[name]]
    return {name: found for name, found in codes.items() if found}
