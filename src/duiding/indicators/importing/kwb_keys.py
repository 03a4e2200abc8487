"""KWB Excel short keys (`a_inw`, `p_jz_tn`) and the CBS OData keys of the same series.

CBS publishes the Kerncijfers wijken en buurten (KWB) twice: as StatLine/OData tables with long keys
(85984NED: `AantalInwoners_5`, `PercentageJongerenMetJeugdzorg_99`) and as an Excel release with
short keys (`a_inw`, `p_jz_tn`). Both are one series: a KWB Excel column is stored under the OData
key without its numeric suffix (`AantalInwoners`), the canonical key the CBS importer uses too.

Each mapping below was made by comparing the CBS title and unit of 85984NED's DataProperties with
the Excel column (same order, same unit, same totals). A short key whose OData key is not certain
keeps its own code. Some OData keys only differ by their suffix (`Nederland_17` = herkomstland,
`Nederland_20` = geboren in Nederland; `Appartement_54` = electricity, `Appartement_62` = gas): the
CBS importer qualifies those by their topic group (`Nederland.Herkomstland`,
`Appartement.GemiddeldAardgasverbruik`), and so do we (tests check both agree).
`kwb_aliases()` lists the mappings as reviewable `SeriesAlias` rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from duiding.indicators.importing.types import IndicatorSpec
from duiding.indicators.models import SeriesAlias

SOURCE = "CBS, Kerncijfers wijken en buurten"

# Columns that describe the area, not a figure. `pst_mvp` (most common postcode) and `pst_dekp`
# (how well that postcode covers the area) are codes, not measures.
AREA_COLUMNS = {"gwb_code_10", "gwb_code_8", "gwb_code", "regio", "gm_naam", "recs", "ind_wbi"}
NOT_MEASURES = AREA_COLUMNS | {"pst_mvp", "pst_dekp"}

# Stripped OData keys that occur more than once in 85984NED (checked by a test against the JSON).
AMBIGUOUS_ODATA = {
    "Nederland", "EuropaExclusiefNederland", "BuitenEuropa", "Appartement", "Tussenwoning",
    "Hoekwoning", "TweeOnderEenKapWoning", "VrijstaandeWoning", "Huurwoning", "EigenWoning",
}  # fmt: skip

# Those ambiguous keys as the CBS importer codes them when it has the table's DataProperties: the
# stripped key qualified by the topic group that tells them apart (see cbs_columns.measure_names).
_GROUPS = {
    "Herkomstland": ["a_nl_all", "a_eur_al", "a_neu_al"],
    "GeborenInNederland": ["a_geb_nl", "a_geb_eu", "a_geb_ne"],
    "GeborenBuitenNederland": ["a_gbl_eu", "a_gbl_ne"],
    "GemiddeldeElektriciteitslevering": [f"g_ele_{t}" for t in ("ap", "tw", "hw", "2w", "vw", "hu", "ko")],
    "GemiddeldAardgasverbruik": [f"g_gas_{t}" for t in ("ap", "tw", "hw", "2w", "vw", "hu", "ko")],
}  # fmt: skip
QUALIFIED_GROUP = {key: group for group, keys in _GROUPS.items() for key in keys}

C, P, R, M, IX = "count", "percentage", "rate_1000", "mean", "index"
K_EUR = "x 1.000 euro"
PER_1000 = "per 1.000 inwoners"


@dataclass(frozen=True, slots=True)
class KwbColumn:
    key: str  # short key as in the Excel header
    odata: str  # key in CBS 85984NED (with its 2024 suffix); "" when there is no certain match
    name: str  # Dutch name
    unit_kind: str = C
    decimals: int = 0
    unit_label: str = ""
    direction: str = "neutral"

    @property
    def canonical(self) -> str:
        """The indicator code: the OData key without suffix, or the short key when not certain."""
        stripped = re.sub(r"_\d+$", "", self.odata)
        if not stripped:
            return self.key
        if stripped in AMBIGUOUS_ODATA:
            group = QUALIFIED_GROUP.get(self.key)
            return f"{stripped}.{group}" if group else self.key
        return stripped


_COLUMNS = [
    # Bevolking
    KwbColumn("a_inw", "AantalInwoners_5", "Aantal inwoners"),
    KwbColumn("a_man", "Mannen_6", "Mannen"),
    KwbColumn("a_vrouw", "Vrouwen_7", "Vrouwen"),
    KwbColumn("a_00_14", "k_0Tot15Jaar_8", "Inwoners 0 tot 15 jaar"),
    KwbColumn("a_15_24", "k_15Tot25Jaar_9", "Inwoners 15 tot 25 jaar"),
    KwbColumn("a_25_44", "k_25Tot45Jaar_10", "Inwoners 25 tot 45 jaar"),
    KwbColumn("a_45_64", "k_45Tot65Jaar_11", "Inwoners 45 tot 65 jaar"),
    KwbColumn("a_65_oo", "k_65JaarOfOuder_12", "Inwoners 65 jaar of ouder"),
    KwbColumn("a_ongeh", "Ongehuwd_13", "Ongehuwd"),
    KwbColumn("a_gehuwd", "Gehuwd_14", "Gehuwd"),
    KwbColumn("a_gesch", "Gescheiden_15", "Gescheiden"),
    KwbColumn("a_verwed", "Verweduwd_16", "Verweduwd"),
    KwbColumn("a_nl_all", "Nederland_17", "Herkomstland Nederland"),
    KwbColumn("a_eur_al", "EuropaExclusiefNederland_18", "Herkomstland Europa (excl. Nederland)"),
    KwbColumn("a_neu_al", "BuitenEuropa_19", "Herkomstland buiten Europa"),
    KwbColumn("a_geb_nl", "Nederland_20", "Geboren in Nederland, herkomstland Nederland"),
    KwbColumn("a_geb_eu", "EuropaExclusiefNederland_21", "Geboren in Nederland, herkomstland Europa (excl. Nederland)"),
    KwbColumn("a_geb_ne", "BuitenEuropa_22", "Geboren in Nederland, herkomstland buiten Europa"),
    KwbColumn("a_gbl_eu", "EuropaExclusiefNederland_23", "Geboren buiten Nederland, herkomstland Europa (excl. Nederland)"),
    KwbColumn("a_gbl_ne", "BuitenEuropa_24", "Geboren buiten Nederland, herkomstland buiten Europa"),
    KwbColumn("a_geb", "GeboorteTotaal_25", "Geboorte totaal"),
    KwbColumn("p_geb", "GeboorteRelatief_26", "Geboorte relatief", R, 0, PER_1000),
    KwbColumn("a_ste", "SterfteTotaal_27", "Sterfte totaal"),
    KwbColumn("p_ste", "SterfteRelatief_28", "Sterfte relatief", R, 0, PER_1000),
    # Huishoudens
    KwbColumn("a_hh", "HuishoudensTotaal_29", "Huishoudens totaal"),
    KwbColumn("a_1p_hh", "Eenpersoonshuishoudens_30", "Eenpersoonshuishoudens"),
    KwbColumn("a_hh_z_k", "HuishoudensZonderKinderen_31", "Huishoudens zonder kinderen"),
    KwbColumn("a_hh_m_k", "HuishoudensMetKinderen_32", "Huishoudens met kinderen"),
    KwbColumn("g_hhgro", "GemiddeldeHuishoudensgrootte_33", "Gemiddelde huishoudensgrootte", M, 1, "personen"),
    KwbColumn("bev_dich", "Bevolkingsdichtheid_34", "Bevolkingsdichtheid", M, 0, "inwoners per km²"),
    # Wonen en vastgoed
    KwbColumn("a_woning", "Woningvoorraad_35", "Woningvoorraad"),
    KwbColumn("a_nb_won", "NieuwbouwWoningen_36", "Nieuwbouw woningen"),
    KwbColumn("a_vastg", "NietWoningvoorraad_37", "Niet-woningvoorraad"),
    KwbColumn("a_nb_vastg", "NieuwbouwNietWoningen_38", "Nieuwbouw niet-woningen"),
    KwbColumn("g_wozbag", "GemiddeldeWOZWaardeVanWoningen_39", "Gemiddelde WOZ-waarde van woningen", M, 0, K_EUR),
    KwbColumn("p_1gezw", "PercentageEengezinswoning_40", "Percentage eengezinswoning", P),
    KwbColumn("p_1gezw_tw", "PercentageTussenwoningEengezins_41", "Percentage tussenwoning (eengezins)", P),
    KwbColumn("p_1gezw_hw", "PercentageHoekwoningEengezins_42", "Percentage hoekwoning (eengezins)", P),
    KwbColumn("p_1gezw_2w", "PercentageTweeOnderEenKapWoningEe_43", "Percentage twee-onder-een-kapwoning (eengezins)", P),
    KwbColumn("p_1gezw_hvw", "PercentageVrijstaandeWoningEengezins_44", "Percentage vrijstaande woning (eengezins)", P),
    KwbColumn("p_mgezw", "PercentageMeergezinswoning_45", "Percentage meergezinswoning", P),
    KwbColumn("p_bewndw", "", "Percentage bewoonde woningen", P),
    KwbColumn("p_leegsw", "OnbewoondeWoningen_46", "Onbewoonde woningen", P),
    KwbColumn("p_koopw", "Koopwoningen_47", "Koopwoningen", P),
    KwbColumn("p_huurw", "HuurwoningenTotaal_48", "Huurwoningen totaal", P),
    KwbColumn("p_wcorpw", "InBezitWoningcorporatie_49", "Huurwoningen in bezit woningcorporatie", P),
    KwbColumn("p_ov_hw", "InBezitOverigeVerhuurders_50", "Huurwoningen in bezit overige verhuurders", P),
    KwbColumn("p_e_o_w", "", "Woningen met eigendom onbekend", P),
    KwbColumn("p_bjj2k", "", "Woningen met bouwjaar voor 2000", P),
    KwbColumn("p_bjo2k", "", "Woningen met bouwjaar vanaf 2000", P),
    KwbColumn("p_bj_me10", "BouwjaarMeerDanTienJaarGeleden_51", "Bouwjaar meer dan tien jaar geleden", P),
    KwbColumn("p_bj_mi10", "BouwjaarAfgelopenTienJaar_52", "Bouwjaar afgelopen tien jaar", P),
    # Energie
    KwbColumn("g_ele", "GemiddeldeElektriciteitsleveringTotaal_53", "Gemiddelde elektriciteitslevering totaal", M, 0, "kWh"),
    KwbColumn("g_ele_ap", "Appartement_54", "Gemiddelde elektriciteitslevering, appartement", M, 0, "kWh"),
    KwbColumn("g_ele_tw", "Tussenwoning_55", "Gemiddelde elektriciteitslevering, tussenwoning", M, 0, "kWh"),
    KwbColumn("g_ele_hw", "Hoekwoning_56", "Gemiddelde elektriciteitslevering, hoekwoning", M, 0, "kWh"),
    KwbColumn("g_ele_2w", "TweeOnderEenKapWoning_57", "Gemiddelde elektriciteitslevering, twee-onder-een-kapwoning", M, 0, "kWh"),
    KwbColumn("g_ele_vw", "VrijstaandeWoning_58", "Gemiddelde elektriciteitslevering, vrijstaande woning", M, 0, "kWh"),
    KwbColumn("g_ele_hu", "Huurwoning_59", "Gemiddelde elektriciteitslevering, huurwoning", M, 0, "kWh"),
    KwbColumn("g_ele_ko", "EigenWoning_60", "Gemiddelde elektriciteitslevering, eigen woning", M, 0, "kWh"),
    KwbColumn("g_gas", "GemiddeldAardgasverbruikTotaal_61", "Gemiddeld aardgasverbruik totaal", M, 0, "m³"),
    KwbColumn("g_gas_ap", "Appartement_62", "Gemiddeld aardgasverbruik, appartement", M, 0, "m³"),
    KwbColumn("g_gas_tw", "Tussenwoning_63", "Gemiddeld aardgasverbruik, tussenwoning", M, 0, "m³"),
    KwbColumn("g_gas_hw", "Hoekwoning_64", "Gemiddeld aardgasverbruik, hoekwoning", M, 0, "m³"),
    KwbColumn("g_gas_2w", "TweeOnderEenKapWoning_65", "Gemiddeld aardgasverbruik, twee-onder-een-kapwoning", M, 0, "m³"),
    KwbColumn("g_gas_vw", "VrijstaandeWoning_66", "Gemiddeld aardgasverbruik, vrijstaande woning", M, 0, "m³"),
    KwbColumn("g_gas_hu", "Huurwoning_67", "Gemiddeld aardgasverbruik, huurwoning", M, 0, "m³"),
    KwbColumn("g_gas_ko", "EigenWoning_68", "Gemiddeld aardgasverbruik, eigen woning", M, 0, "m³"),
    KwbColumn("p_stadsv", "PercentageWoningenMetStadsverwarming_69", "Percentage woningen met stadsverwarming", P, 1),
    # Onderwijs
    KwbColumn("a_ons_po", "LeerlingenPo_70", "Leerlingen po"),
    KwbColumn("a_ons_vovavo", "LeerlingenVoInclVavo_71", "Leerlingen vo (incl. vavo)"),
    KwbColumn("a_ons_mbo", "StudentenMboExclExtranei_72", "Studenten mbo (excl. extranei)"),
    KwbColumn("a_ons_hbo", "StudentenHbo_73", "Studenten hbo"),
    KwbColumn("a_ons_wo", "StudentenWo_74", "Studenten wo"),
    KwbColumn("a_opl_bvm", "BasisonderwijsVmboMbo1_75", "Hoogst behaald onderwijsniveau: basisonderwijs, vmbo, mbo1"),
    KwbColumn("a_opl_hvm", "HavoVwoMbo24_76", "Hoogst behaald onderwijsniveau: havo, vwo, mbo2-4"),
    KwbColumn("a_opl_hw", "HboWo_77", "Hoogst behaald onderwijsniveau: hbo, wo"),
    # Older releases (2023 and before): laag / middelbaar / hoog, not certain to be the same series.
    KwbColumn("a_opl_lg", "", "Opleidingsniveau laag"),
    KwbColumn("a_opl_md", "", "Opleidingsniveau middelbaar"),
    KwbColumn("a_opl_hg", "", "Opleidingsniveau hoog"),
    # Arbeid
    KwbColumn("p_arb_pp", "Nettoarbeidsparticipatie_78", "Nettoarbeidsparticipatie", P, 0, "", "higher_is_better"),
    KwbColumn("p_arb_wn", "PercentageWerknemers_79", "Percentage werknemers", P),
    KwbColumn("p_arb_zs", "PercentageZelfstandigen_80", "Percentage zelfstandigen", P),
    # Inkomen
    KwbColumn("a_inkont", "AantalInkomensontvangers_81", "Aantal inkomensontvangers"),
    KwbColumn("g_ink_po", "GemiddeldInkomenPerInkomensontvanger_82", "Gemiddeld inkomen per inkomensontvanger", M, 1, K_EUR),
    KwbColumn("g_ink_pi", "GemiddeldInkomenPerInwoner_83", "Gemiddeld inkomen per inwoner", M, 1, K_EUR),
    KwbColumn("p_ink_li", "k_40PersonenMetLaagsteInkomen_84", "40% personen met laagste inkomen", P, 1),
    KwbColumn("p_ink_hi", "k_20PersonenMetHoogsteInkomen_85", "20% personen met hoogste inkomen", P, 1),
    KwbColumn("g_hh_sti", "GemGestandaardiseerdInkomenVanHuish_86", "Gemiddeld gestandaardiseerd inkomen van huishoudens", M, 1, K_EUR),
    KwbColumn("p_hh_li", "k_40HuishoudensMetLaagsteInkomen_87", "40% huishoudens met laagste inkomen", P, 1),
    KwbColumn("p_hh_hi", "k_20HuishoudensMetHoogsteInkomen_88", "20% huishoudens met hoogste inkomen", P, 1),
    KwbColumn("p_hh_lkk", "HuishoudensMetEenLaagInkomen_89", "Huishoudens met een laag inkomen", P, 1, "", "lower_is_better"),
    KwbColumn("p_hh_osm", "HuishOnderOfRondSociaalMinimum_90", "Huishoudens onder of rond sociaal minimum", P, 1, "", "lower_is_better"),
    KwbColumn("p_hh_110", "HuishoudensTot110VanSociaalMinimum_91", "Huishoudens tot 110% van sociaal minimum", P, 1, "", "lower_is_better"),
    KwbColumn("p_hh_120", "HuishoudensTot120VanSociaalMinimum_92", "Huishoudens tot 120% van sociaal minimum", P, 1, "", "lower_is_better"),
    KwbColumn("m_hh_ver", "MediaanVermogenVanParticuliereHuish_93", "Mediaan vermogen van particuliere huishoudens", M, 1, K_EUR),
    # Sociale zekerheid
    KwbColumn("a_soz_wb", "PersonenPerSoortUitkeringBijstand_94", "Personen met een bijstandsuitkering"),
    KwbColumn("a_soz_ao", "PersonenPerSoortUitkeringAO_95", "Personen met een arbeidsongeschiktheidsuitkering (AO)"),
    KwbColumn("a_soz_ww", "PersonenPerSoortUitkeringWW_96", "Personen met een WW-uitkering"),
    KwbColumn("a_soz_ow", "PersonenPerSoortUitkeringAOW_97", "Personen met een AOW-uitkering"),
    # Zorg (neutral, as in the catalogue: more use mixes need and reach)
    KwbColumn("a_jz_tn", "JongerenMetJeugdzorgInNatura_98", "Jongeren met jeugdzorg in natura"),
    KwbColumn("p_jz_tn", "PercentageJongerenMetJeugdzorg_99", "Percentage jongeren met jeugdzorg", P, 1, "% van jongeren tot 23 jaar"),
    KwbColumn("a_wmo_t", "WmoClienten_100", "Wmo-cliënten"),
    KwbColumn("p_wmo_t", "WmoClientenRelatief_101", "Wmo-cliënten relatief", R, 0, PER_1000),
    # Bedrijfsvestigingen
    KwbColumn("a_bedv", "BedrijfsvestigingenTotaal_102", "Bedrijfsvestigingen totaal"),
    KwbColumn("a_bed_a", "ALandbouwBosbouwEnVisserij_103", "Bedrijfsvestigingen: landbouw, bosbouw en visserij"),
    KwbColumn("a_bed_bf", "BFNijverheidEnEnergie_104", "Bedrijfsvestigingen: nijverheid en energie"),
    KwbColumn("a_bed_gi", "GIHandelEnHoreca_105", "Bedrijfsvestigingen: handel en horeca"),
    KwbColumn("a_bed_hj", "HJVervoerInformatieEnCommunicatie_106", "Bedrijfsvestigingen: vervoer, informatie en communicatie"),
    KwbColumn("a_bed_kl", "KLFinancieleDienstenOnroerendGoed_107", "Bedrijfsvestigingen: financiële diensten, onroerend goed"),
    KwbColumn("a_bed_mn", "MNZakelijkeDienstverlening_108", "Bedrijfsvestigingen: zakelijke dienstverlening"),
    KwbColumn("a_bed_oq", "OQOverheidOnderwijsEnZorg_109", "Bedrijfsvestigingen: overheid, onderwijs en zorg"),
    KwbColumn("a_bed_ru", "RUCultuurRecreatieOverigeDiensten_110", "Bedrijfsvestigingen: cultuur, recreatie, overige diensten"),
    # Motorvoertuigen
    KwbColumn("a_pau", "PersonenautoSTotaal_111", "Personenauto's totaal"),
    KwbColumn("a_bst_b", "PersonenautoSBrandstofBenzine_112", "Personenauto's; brandstof benzine"),
    KwbColumn("a_bst_nb", "PersonenautoSOverigeBrandstof_113", "Personenauto's; overige brandstof"),
    KwbColumn("g_pau_hh", "PersonenautoSPerHuishouden_114", "Personenauto's per huishouden", M, 1, "per huishouden"),
    KwbColumn("g_pau_km", "PersonenautoSNaarOppervlakte_115", "Personenauto's naar oppervlakte", M, 0, "per km²"),
    KwbColumn("a_m2w", "Motorfietsen_116", "Motorfietsen"),
    # Nabijheid voorzieningen
    KwbColumn("g_afs_hp", "AfstandTotHuisartsenpraktijk_117", "Afstand tot huisartsenpraktijk", M, 1, "km"),
    KwbColumn("g_afs_gs", "AfstandTotGroteSupermarkt_118", "Afstand tot grote supermarkt", M, 1, "km"),
    KwbColumn("g_afs_kv", "AfstandTotKinderdagverblijf_119", "Afstand tot kinderdagverblijf", M, 1, "km"),
    KwbColumn("g_afs_sc", "AfstandTotSchool_120", "Afstand tot school", M, 1, "km"),
    KwbColumn("g_3km_sc", "ScholenBinnen3Km_121", "Scholen binnen 3 km", M, 1, "gemiddeld aantal"),
    # Oppervlakte en stedelijkheid
    KwbColumn("a_opp_ha", "OppervlakteTotaal_122", "Oppervlakte totaal", C, 0, "ha"),
    KwbColumn("a_lan_ha", "OppervlakteLand_123", "Oppervlakte land", C, 0, "ha"),
    KwbColumn("a_wat_ha", "OppervlakteWater_124", "Oppervlakte water", C, 0, "ha"),
    KwbColumn("ste_mvs", "MateVanStedelijkheid_127", "Mate van stedelijkheid", IX, 0, "1 = zeer sterk, 5 = niet stedelijk"),
    KwbColumn("ste_oad", "Omgevingsadressendichtheid_128", "Omgevingsadressendichtheid", M, 0, "adressen per km²"),
]  # fmt: skip

COLUMNS: dict[str, KwbColumn] = {c.key: c for c in _COLUMNS}

_PREFIX_UNITS = {"a": C, "p": P, "g": M, "m": M}


def normalise_key(header) -> str:
    """Excel headers sometimes carry spaces (`'a_nb_won '`) or capitals; short keys are lower case."""
    return str(header or "").strip().lower()


def canonical_key(short_key: str) -> str:
    """The indicator code for a KWB Excel column (its OData key when certain, else the short key)."""
    column = COLUMNS.get(normalise_key(short_key))
    return column.canonical if column else normalise_key(short_key)


def indicator_spec(short_key: str) -> IndicatorSpec:
    """What we know about a KWB column. Unknown columns get their unit from the CBS prefix
    (a_ = aantal, p_ = percentage, g_/m_ = gemiddelde/mediaan) and their key as name."""
    key = normalise_key(short_key)
    column = COLUMNS.get(key)
    if column is None:
        unit = _PREFIX_UNITS.get(key.split("_", 1)[0], C)
        return IndicatorSpec(
            code=key,
            name=f"KWB {key}",
            unit_kind=unit,
            decimals=1 if unit == M else 0,
            definition=f"Kolom '{key}' uit de KWB Excel-release van CBS (nog zonder beschrijving).",
            source=SOURCE,
        )
    definition = f"CBS Kerncijfers wijken en buurten, Excel-kolom '{key}'"
    if column.odata:
        definition += f" (StatLine/OData: {column.odata})"
    return IndicatorSpec(
        code=column.canonical,
        name=column.name,
        unit_kind=column.unit_kind,
        decimals=column.decimals,
        unit_label=column.unit_label,
        direction=column.direction,
        definition=definition + ".",
        source=SOURCE,
    )


def kwb_aliases() -> list[tuple[str, str, str]]:
    """(alias, canonical, note) for every KWB short key that continues a CBS OData series; to be
    stored as `SeriesAlias(kind="measure")` so the mapping is visible and reviewable."""
    return [
        (c.key, c.canonical, f"KWB Excel-kolom {c.key} = CBS OData {c.odata}")
        for c in _COLUMNS
        if c.canonical != c.key
    ]


def kwb_aliases_ensure() -> int:
    """Store the `kwb_aliases()` as SeriesAlias rows where missing (existing rows are left as a
    beheerder set them). Returns how many were added."""
    existing = set(
        SeriesAlias.objects.filter(kind=SeriesAlias.Kind.MEASURE).values_list("alias", flat=True)
    )
    new = [
        SeriesAlias(kind=SeriesAlias.Kind.MEASURE, alias=alias, canonical=canonical, note=note)
        for alias, canonical, note in kwb_aliases()
        if alias not in existing
    ]
    SeriesAlias.objects.bulk_create(new)
    return len(new)
