"""Seed the KWB Excel short keys as measure aliases of the CBS OData keys (reviewable, editable).

The list is frozen here (generated from importing/kwb_keys.py on 2026-11-23) so the migration does
not change when that module does.
"""

from django.db import migrations

KWB_ALIASES = [
    ("a_inw", "AantalInwoners", "KWB Excel-kolom a_inw = CBS OData AantalInwoners_5"),
    ("a_man", "Mannen", "KWB Excel-kolom a_man = CBS OData Mannen_6"),
    ("a_vrouw", "Vrouwen", "KWB Excel-kolom a_vrouw = CBS OData Vrouwen_7"),
    ("a_00_14", "k_0Tot15Jaar", "KWB Excel-kolom a_00_14 = CBS OData k_0Tot15Jaar_8"),
    ("a_15_24", "k_15Tot25Jaar", "KWB Excel-kolom a_15_24 = CBS OData k_15Tot25Jaar_9"),
    ("a_25_44", "k_25Tot45Jaar", "KWB Excel-kolom a_25_44 = CBS OData k_25Tot45Jaar_10"),
    ("a_45_64", "k_45Tot65Jaar", "KWB Excel-kolom a_45_64 = CBS OData k_45Tot65Jaar_11"),
    ("a_65_oo", "k_65JaarOfOuder", "KWB Excel-kolom a_65_oo = CBS OData k_65JaarOfOuder_12"),
    ("a_ongeh", "Ongehuwd", "KWB Excel-kolom a_ongeh = CBS OData Ongehuwd_13"),
    ("a_gehuwd", "Gehuwd", "KWB Excel-kolom a_gehuwd = CBS OData Gehuwd_14"),
    ("a_gesch", "Gescheiden", "KWB Excel-kolom a_gesch = CBS OData Gescheiden_15"),
    ("a_verwed", "Verweduwd", "KWB Excel-kolom a_verwed = CBS OData Verweduwd_16"),
    ("a_nl_all", "Nederland.Herkomstland", "KWB Excel-kolom a_nl_all = CBS OData Nederland_17"),
    (
        "a_eur_al",
        "EuropaExclusiefNederland.Herkomstland",
        "KWB Excel-kolom a_eur_al = CBS OData EuropaExclusiefNederland_18",
    ),
    (
        "a_neu_al",
        "BuitenEuropa.Herkomstland",
        "KWB Excel-kolom a_neu_al = CBS OData BuitenEuropa_19",
    ),
    (
        "a_geb_nl",
        "Nederland.GeborenInNederland",
        "KWB Excel-kolom a_geb_nl = CBS OData Nederland_20",
    ),
    (
        "a_geb_eu",
        "EuropaExclusiefNederland.GeborenInNederland",
        "KWB Excel-kolom a_geb_eu = CBS OData EuropaExclusiefNederland_21",
    ),
    (
        "a_geb_ne",
        "BuitenEuropa.GeborenInNederland",
        "KWB Excel-kolom a_geb_ne = CBS OData BuitenEuropa_22",
    ),
    (
        "a_gbl_eu",
        "EuropaExclusiefNederland.GeborenBuitenNederland",
        "KWB Excel-kolom a_gbl_eu = CBS OData EuropaExclusiefNederland_23",
    ),
    (
        "a_gbl_ne",
        "BuitenEuropa.GeborenBuitenNederland",
        "KWB Excel-kolom a_gbl_ne = CBS OData BuitenEuropa_24",
    ),
    ("a_geb", "GeboorteTotaal", "KWB Excel-kolom a_geb = CBS OData GeboorteTotaal_25"),
    ("p_geb", "GeboorteRelatief", "KWB Excel-kolom p_geb = CBS OData GeboorteRelatief_26"),
    ("a_ste", "SterfteTotaal", "KWB Excel-kolom a_ste = CBS OData SterfteTotaal_27"),
    ("p_ste", "SterfteRelatief", "KWB Excel-kolom p_ste = CBS OData SterfteRelatief_28"),
    ("a_hh", "HuishoudensTotaal", "KWB Excel-kolom a_hh = CBS OData HuishoudensTotaal_29"),
    (
        "a_1p_hh",
        "Eenpersoonshuishoudens",
        "KWB Excel-kolom a_1p_hh = CBS OData Eenpersoonshuishoudens_30",
    ),
    (
        "a_hh_z_k",
        "HuishoudensZonderKinderen",
        "KWB Excel-kolom a_hh_z_k = CBS OData HuishoudensZonderKinderen_31",
    ),
    (
        "a_hh_m_k",
        "HuishoudensMetKinderen",
        "KWB Excel-kolom a_hh_m_k = CBS OData HuishoudensMetKinderen_32",
    ),
    (
        "g_hhgro",
        "GemiddeldeHuishoudensgrootte",
        "KWB Excel-kolom g_hhgro = CBS OData GemiddeldeHuishoudensgrootte_33",
    ),
    (
        "bev_dich",
        "Bevolkingsdichtheid",
        "KWB Excel-kolom bev_dich = CBS OData Bevolkingsdichtheid_34",
    ),
    ("a_woning", "Woningvoorraad", "KWB Excel-kolom a_woning = CBS OData Woningvoorraad_35"),
    ("a_nb_won", "NieuwbouwWoningen", "KWB Excel-kolom a_nb_won = CBS OData NieuwbouwWoningen_36"),
    ("a_vastg", "NietWoningvoorraad", "KWB Excel-kolom a_vastg = CBS OData NietWoningvoorraad_37"),
    (
        "a_nb_vastg",
        "NieuwbouwNietWoningen",
        "KWB Excel-kolom a_nb_vastg = CBS OData NieuwbouwNietWoningen_38",
    ),
    (
        "g_wozbag",
        "GemiddeldeWOZWaardeVanWoningen",
        "KWB Excel-kolom g_wozbag = CBS OData GemiddeldeWOZWaardeVanWoningen_39",
    ),
    (
        "p_1gezw",
        "PercentageEengezinswoning",
        "KWB Excel-kolom p_1gezw = CBS OData PercentageEengezinswoning_40",
    ),
    (
        "p_1gezw_tw",
        "PercentageTussenwoningEengezins",
        "KWB Excel-kolom p_1gezw_tw = CBS OData PercentageTussenwoningEengezins_41",
    ),
    (
        "p_1gezw_hw",
        "PercentageHoekwoningEengezins",
        "KWB Excel-kolom p_1gezw_hw = CBS OData PercentageHoekwoningEengezins_42",
    ),
    (
        "p_1gezw_2w",
        "PercentageTweeOnderEenKapWoningEe",
        "KWB Excel-kolom p_1gezw_2w = CBS OData PercentageTweeOnderEenKapWoningEe_43",
    ),
    (
        "p_1gezw_hvw",
        "PercentageVrijstaandeWoningEengezins",
        "KWB Excel-kolom p_1gezw_hvw = CBS OData PercentageVrijstaandeWoningEengezins_44",
    ),
    (
        "p_mgezw",
        "PercentageMeergezinswoning",
        "KWB Excel-kolom p_mgezw = CBS OData PercentageMeergezinswoning_45",
    ),
    (
        "p_leegsw",
        "OnbewoondeWoningen",
        "KWB Excel-kolom p_leegsw = CBS OData OnbewoondeWoningen_46",
    ),
    ("p_koopw", "Koopwoningen", "KWB Excel-kolom p_koopw = CBS OData Koopwoningen_47"),
    ("p_huurw", "HuurwoningenTotaal", "KWB Excel-kolom p_huurw = CBS OData HuurwoningenTotaal_48"),
    (
        "p_wcorpw",
        "InBezitWoningcorporatie",
        "KWB Excel-kolom p_wcorpw = CBS OData InBezitWoningcorporatie_49",
    ),
    (
        "p_ov_hw",
        "InBezitOverigeVerhuurders",
        "KWB Excel-kolom p_ov_hw = CBS OData InBezitOverigeVerhuurders_50",
    ),
    (
        "p_bj_me10",
        "BouwjaarMeerDanTienJaarGeleden",
        "KWB Excel-kolom p_bj_me10 = CBS OData BouwjaarMeerDanTienJaarGeleden_51",
    ),
    (
        "p_bj_mi10",
        "BouwjaarAfgelopenTienJaar",
        "KWB Excel-kolom p_bj_mi10 = CBS OData BouwjaarAfgelopenTienJaar_52",
    ),
    (
        "g_ele",
        "GemiddeldeElektriciteitsleveringTotaal",
        "KWB Excel-kolom g_ele = CBS OData GemiddeldeElektriciteitsleveringTotaal_53",
    ),
    (
        "g_ele_ap",
        "Appartement.GemiddeldeElektriciteitslevering",
        "KWB Excel-kolom g_ele_ap = CBS OData Appartement_54",
    ),
    (
        "g_ele_tw",
        "Tussenwoning.GemiddeldeElektriciteitslevering",
        "KWB Excel-kolom g_ele_tw = CBS OData Tussenwoning_55",
    ),
    (
        "g_ele_hw",
        "Hoekwoning.GemiddeldeElektriciteitslevering",
        "KWB Excel-kolom g_ele_hw = CBS OData Hoekwoning_56",
    ),
    (
        "g_ele_2w",
        "TweeOnderEenKapWoning.GemiddeldeElektriciteitslevering",
        "KWB Excel-kolom g_ele_2w = CBS OData TweeOnderEenKapWoning_57",
    ),
    (
        "g_ele_vw",
        "VrijstaandeWoning.GemiddeldeElektriciteitslevering",
        "KWB Excel-kolom g_ele_vw = CBS OData VrijstaandeWoning_58",
    ),
    (
        "g_ele_hu",
        "Huurwoning.GemiddeldeElektriciteitslevering",
        "KWB Excel-kolom g_ele_hu = CBS OData Huurwoning_59",
    ),
    (
        "g_ele_ko",
        "EigenWoning.GemiddeldeElektriciteitslevering",
        "KWB Excel-kolom g_ele_ko = CBS OData EigenWoning_60",
    ),
    (
        "g_gas",
        "GemiddeldAardgasverbruikTotaal",
        "KWB Excel-kolom g_gas = CBS OData GemiddeldAardgasverbruikTotaal_61",
    ),
    (
        "g_gas_ap",
        "Appartement.GemiddeldAardgasverbruik",
        "KWB Excel-kolom g_gas_ap = CBS OData Appartement_62",
    ),
    (
        "g_gas_tw",
        "Tussenwoning.GemiddeldAardgasverbruik",
        "KWB Excel-kolom g_gas_tw = CBS OData Tussenwoning_63",
    ),
    (
        "g_gas_hw",
        "Hoekwoning.GemiddeldAardgasverbruik",
        "KWB Excel-kolom g_gas_hw = CBS OData Hoekwoning_64",
    ),
    (
        "g_gas_2w",
        "TweeOnderEenKapWoning.GemiddeldAardgasverbruik",
        "KWB Excel-kolom g_gas_2w = CBS OData TweeOnderEenKapWoning_65",
    ),
    (
        "g_gas_vw",
        "VrijstaandeWoning.GemiddeldAardgasverbruik",
        "KWB Excel-kolom g_gas_vw = CBS OData VrijstaandeWoning_66",
    ),
    (
        "g_gas_hu",
        "Huurwoning.GemiddeldAardgasverbruik",
        "KWB Excel-kolom g_gas_hu = CBS OData Huurwoning_67",
    ),
    (
        "g_gas_ko",
        "EigenWoning.GemiddeldAardgasverbruik",
        "KWB Excel-kolom g_gas_ko = CBS OData EigenWoning_68",
    ),
    (
        "p_stadsv",
        "PercentageWoningenMetStadsverwarming",
        "KWB Excel-kolom p_stadsv = CBS OData PercentageWoningenMetStadsverwarming_69",
    ),
    ("a_ons_po", "LeerlingenPo", "KWB Excel-kolom a_ons_po = CBS OData LeerlingenPo_70"),
    (
        "a_ons_vovavo",
        "LeerlingenVoInclVavo",
        "KWB Excel-kolom a_ons_vovavo = CBS OData LeerlingenVoInclVavo_71",
    ),
    (
        "a_ons_mbo",
        "StudentenMboExclExtranei",
        "KWB Excel-kolom a_ons_mbo = CBS OData StudentenMboExclExtranei_72",
    ),
    ("a_ons_hbo", "StudentenHbo", "KWB Excel-kolom a_ons_hbo = CBS OData StudentenHbo_73"),
    ("a_ons_wo", "StudentenWo", "KWB Excel-kolom a_ons_wo = CBS OData StudentenWo_74"),
    (
        "a_opl_bvm",
        "BasisonderwijsVmboMbo1",
        "KWB Excel-kolom a_opl_bvm = CBS OData BasisonderwijsVmboMbo1_75",
    ),
    ("a_opl_hvm", "HavoVwoMbo24", "KWB Excel-kolom a_opl_hvm = CBS OData HavoVwoMbo24_76"),
    ("a_opl_hw", "HboWo", "KWB Excel-kolom a_opl_hw = CBS OData HboWo_77"),
    (
        "p_arb_pp",
        "Nettoarbeidsparticipatie",
        "KWB Excel-kolom p_arb_pp = CBS OData Nettoarbeidsparticipatie_78",
    ),
    (
        "p_arb_wn",
        "PercentageWerknemers",
        "KWB Excel-kolom p_arb_wn = CBS OData PercentageWerknemers_79",
    ),
    (
        "p_arb_zs",
        "PercentageZelfstandigen",
        "KWB Excel-kolom p_arb_zs = CBS OData PercentageZelfstandigen_80",
    ),
    (
        "a_inkont",
        "AantalInkomensontvangers",
        "KWB Excel-kolom a_inkont = CBS OData AantalInkomensontvangers_81",
    ),
    (
        "g_ink_po",
        "GemiddeldInkomenPerInkomensontvanger",
        "KWB Excel-kolom g_ink_po = CBS OData GemiddeldInkomenPerInkomensontvanger_82",
    ),
    (
        "g_ink_pi",
        "GemiddeldInkomenPerInwoner",
        "KWB Excel-kolom g_ink_pi = CBS OData GemiddeldInkomenPerInwoner_83",
    ),
    (
        "p_ink_li",
        "k_40PersonenMetLaagsteInkomen",
        "KWB Excel-kolom p_ink_li = CBS OData k_40PersonenMetLaagsteInkomen_84",
    ),
    (
        "p_ink_hi",
        "k_20PersonenMetHoogsteInkomen",
        "KWB Excel-kolom p_ink_hi = CBS OData k_20PersonenMetHoogsteInkomen_85",
    ),
    (
        "g_hh_sti",
        "GemGestandaardiseerdInkomenVanHuish",
        "KWB Excel-kolom g_hh_sti = CBS OData GemGestandaardiseerdInkomenVanHuish_86",
    ),
    (
        "p_hh_li",
        "k_40HuishoudensMetLaagsteInkomen",
        "KWB Excel-kolom p_hh_li = CBS OData k_40HuishoudensMetLaagsteInkomen_87",
    ),
    (
        "p_hh_hi",
        "k_20HuishoudensMetHoogsteInkomen",
        "KWB Excel-kolom p_hh_hi = CBS OData k_20HuishoudensMetHoogsteInkomen_88",
    ),
    (
        "p_hh_lkk",
        "HuishoudensMetEenLaagInkomen",
        "KWB Excel-kolom p_hh_lkk = CBS OData HuishoudensMetEenLaagInkomen_89",
    ),
    (
        "p_hh_osm",
        "HuishOnderOfRondSociaalMinimum",
        "KWB Excel-kolom p_hh_osm = CBS OData HuishOnderOfRondSociaalMinimum_90",
    ),
    (
        "p_hh_110",
        "HuishoudensTot110VanSociaalMinimum",
        "KWB Excel-kolom p_hh_110 = CBS OData HuishoudensTot110VanSociaalMinimum_91",
    ),
    (
        "p_hh_120",
        "HuishoudensTot120VanSociaalMinimum",
        "KWB Excel-kolom p_hh_120 = CBS OData HuishoudensTot120VanSociaalMinimum_92",
    ),
    (
        "m_hh_ver",
        "MediaanVermogenVanParticuliereHuish",
        "KWB Excel-kolom m_hh_ver = CBS OData MediaanVermogenVanParticuliereHuish_93",
    ),
    (
        "a_soz_wb",
        "PersonenPerSoortUitkeringBijstand",
        "KWB Excel-kolom a_soz_wb = CBS OData PersonenPerSoortUitkeringBijstand_94",
    ),
    (
        "a_soz_ao",
        "PersonenPerSoortUitkeringAO",
        "KWB Excel-kolom a_soz_ao = CBS OData PersonenPerSoortUitkeringAO_95",
    ),
    (
        "a_soz_ww",
        "PersonenPerSoortUitkeringWW",
        "KWB Excel-kolom a_soz_ww = CBS OData PersonenPerSoortUitkeringWW_96",
    ),
    (
        "a_soz_ow",
        "PersonenPerSoortUitkeringAOW",
        "KWB Excel-kolom a_soz_ow = CBS OData PersonenPerSoortUitkeringAOW_97",
    ),
    (
        "a_jz_tn",
        "JongerenMetJeugdzorgInNatura",
        "KWB Excel-kolom a_jz_tn = CBS OData JongerenMetJeugdzorgInNatura_98",
    ),
    (
        "p_jz_tn",
        "PercentageJongerenMetJeugdzorg",
        "KWB Excel-kolom p_jz_tn = CBS OData PercentageJongerenMetJeugdzorg_99",
    ),
    ("a_wmo_t", "WmoClienten", "KWB Excel-kolom a_wmo_t = CBS OData WmoClienten_100"),
    (
        "p_wmo_t",
        "WmoClientenRelatief",
        "KWB Excel-kolom p_wmo_t = CBS OData WmoClientenRelatief_101",
    ),
    (
        "a_bedv",
        "BedrijfsvestigingenTotaal",
        "KWB Excel-kolom a_bedv = CBS OData BedrijfsvestigingenTotaal_102",
    ),
    (
        "a_bed_a",
        "ALandbouwBosbouwEnVisserij",
        "KWB Excel-kolom a_bed_a = CBS OData ALandbouwBosbouwEnVisserij_103",
    ),
    (
        "a_bed_bf",
        "BFNijverheidEnEnergie",
        "KWB Excel-kolom a_bed_bf = CBS OData BFNijverheidEnEnergie_104",
    ),
    ("a_bed_gi", "GIHandelEnHoreca", "KWB Excel-kolom a_bed_gi = CBS OData GIHandelEnHoreca_105"),
    (
        "a_bed_hj",
        "HJVervoerInformatieEnCommunicatie",
        "KWB Excel-kolom a_bed_hj = CBS OData HJVervoerInformatieEnCommunicatie_106",
    ),
    (
        "a_bed_kl",
        "KLFinancieleDienstenOnroerendGoed",
        "KWB Excel-kolom a_bed_kl = CBS OData KLFinancieleDienstenOnroerendGoed_107",
    ),
    (
        "a_bed_mn",
        "MNZakelijkeDienstverlening",
        "KWB Excel-kolom a_bed_mn = CBS OData MNZakelijkeDienstverlening_108",
    ),
    (
        "a_bed_oq",
        "OQOverheidOnderwijsEnZorg",
        "KWB Excel-kolom a_bed_oq = CBS OData OQOverheidOnderwijsEnZorg_109",
    ),
    (
        "a_bed_ru",
        "RUCultuurRecreatieOverigeDiensten",
        "KWB Excel-kolom a_bed_ru = CBS OData RUCultuurRecreatieOverigeDiensten_110",
    ),
    ("a_pau", "PersonenautoSTotaal", "KWB Excel-kolom a_pau = CBS OData PersonenautoSTotaal_111"),
    (
        "a_bst_b",
        "PersonenautoSBrandstofBenzine",
        "KWB Excel-kolom a_bst_b = CBS OData PersonenautoSBrandstofBenzine_112",
    ),
    (
        "a_bst_nb",
        "PersonenautoSOverigeBrandstof",
        "KWB Excel-kolom a_bst_nb = CBS OData PersonenautoSOverigeBrandstof_113",
    ),
    (
        "g_pau_hh",
        "PersonenautoSPerHuishouden",
        "KWB Excel-kolom g_pau_hh = CBS OData PersonenautoSPerHuishouden_114",
    ),
    (
        "g_pau_km",
        "PersonenautoSNaarOppervlakte",
        "KWB Excel-kolom g_pau_km = CBS OData PersonenautoSNaarOppervlakte_115",
    ),
    ("a_m2w", "Motorfietsen", "KWB Excel-kolom a_m2w = CBS OData Motorfietsen_116"),
    (
        "g_afs_hp",
        "AfstandTotHuisartsenpraktijk",
        "KWB Excel-kolom g_afs_hp = CBS OData AfstandTotHuisartsenpraktijk_117",
    ),
    (
        "g_afs_gs",
        "AfstandTotGroteSupermarkt",
        "KWB Excel-kolom g_afs_gs = CBS OData AfstandTotGroteSupermarkt_118",
    ),
    (
        "g_afs_kv",
        "AfstandTotKinderdagverblijf",
        "KWB Excel-kolom g_afs_kv = CBS OData AfstandTotKinderdagverblijf_119",
    ),
    ("g_afs_sc", "AfstandTotSchool", "KWB Excel-kolom g_afs_sc = CBS OData AfstandTotSchool_120"),
    ("g_3km_sc", "ScholenBinnen3Km", "KWB Excel-kolom g_3km_sc = CBS OData ScholenBinnen3Km_121"),
    ("a_opp_ha", "OppervlakteTotaal", "KWB Excel-kolom a_opp_ha = CBS OData OppervlakteTotaal_122"),
    ("a_lan_ha", "OppervlakteLand", "KWB Excel-kolom a_lan_ha = CBS OData OppervlakteLand_123"),
    ("a_wat_ha", "OppervlakteWater", "KWB Excel-kolom a_wat_ha = CBS OData OppervlakteWater_124"),
    (
        "ste_mvs",
        "MateVanStedelijkheid",
        "KWB Excel-kolom ste_mvs = CBS OData MateVanStedelijkheid_127",
    ),
    (
        "ste_oad",
        "Omgevingsadressendichtheid",
        "KWB Excel-kolom ste_oad = CBS OData Omgevingsadressendichtheid_128",
    ),
]


def seed(apps, schema_editor):
    SeriesAlias = apps.get_model("indicators", "SeriesAlias")
    existing = set(SeriesAlias.objects.filter(kind="measure").values_list("alias", flat=True))
    SeriesAlias.objects.bulk_create(
        [
            SeriesAlias(kind="measure", alias=alias, canonical=canonical, note=note)
            for alias, canonical, note in KWB_ALIASES
            if alias not in existing
        ]
    )


def unseed(apps, schema_editor):
    SeriesAlias = apps.get_model("indicators", "SeriesAlias")
    SeriesAlias.objects.filter(kind="measure", alias__in=[a for a, _c, _n in KWB_ALIASES]).delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_derived_indicators")]
    operations = [migrations.RunPython(seed, unseed)]
