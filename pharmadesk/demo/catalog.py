"""Static tables behind the demo store: product families over real ATC groups, suppliers,
shopping missions (what goes into a basket, and in which season), chronic conditions and names.

Everything here is invented (brand names, makers, suppliers, people); only the ATC codes,
generic names and typical strengths are real, so the analytics meet a believable pharmacy.
:func:`build_catalog` turns the families into ~800 concrete products, each with its manufacturer.
A few families carry their Chinese name (布洛芬缓释胶囊, the traditional medicines), as a Chinese store's
catalogue does, so the till's pinyin search ("blfhs", "blg") has something to find in the demo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

# -- suppliers -------------------------------------------------------------------------------------
# key: (name, lead_time_days, review_days, min_order_value in fen, phone)
SUPPLIERS = {
    "chronic": ("Huadong Pharmaceutical Distribution", 1, 3, 50000, "021-5550-1001"),
    "chronic2": ("Riverside Pharma Logistics", 2, 7, 30000, "021-5550-1002"),
    "acute_rx": ("Jiangnan Medical Supply", 2, 4, 30000, "025-5550-2001"),
    "controlled": ("Provincial Special Drugs Depot", 3, 14, 0, "025-5550-2002"),
    "otc": ("Kangyuan OTC Wholesale", 2, 4, 40000, "0571-5550-3001"),
    "tcm": ("Tongxin Herbal Medicine Co.", 3, 7, 20000, "0571-5550-3002"),
    "skin": ("Eastern Skin & Eye Supply", 3, 7, 20000, "0571-5550-3003"),
    "supplement": ("Green Valley Nutrition", 5, 14, 80000, "020-5550-4001"),
    "baby": ("Little Sprout Baby Goods", 3, 7, 60000, "020-5550-4002"),
    "personal": ("Pure Living Daily Care", 4, 14, 50000, "020-5550-4003"),
    "device": ("MedTech Devices Ltd.", 7, 14, 100000, "010-5550-5001"),
}

DRUG_MAKERS = ("Kangda", "Huaxin", "Meridian", "Northbridge", "Yongsheng", "Baihe", "Lumen", "Tianrui",
               "Jinling", "Sunvale")
GOODS_MAKERS = {
    "supplement": ("VitaPeak", "NutriLife", "Harvest Gold", "Oceanic", "Sunrise Health"),
    "mother_baby": ("Little Sprout", "Bebeland", "Tinystep", "Moonbaby"),
    "personal_care": ("Softcloud", "Pureleaf", "Dentiva", "Aquamist", "Clearday"),
    "device": ("Thermia", "Cardiotrack", "GlucoSure", "Medilite"),
    "otc": DRUG_MAKERS, "acute": DRUG_MAKERS, "chronic": DRUG_MAKERS,
}


_SIZE = re.compile(r"\d\s*(g|ml|doses)$")
_CHINESE = re.compile(r"^[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Family:
    """A generic product with its strengths (or variants), pack options and makers."""

    key: str
    category: str
    legal: str
    atc: str | None
    generic: str | None
    title: str
    form: str
    variants: tuple
    packs: tuple            # (pack_size, days_supply or None, label)
    makers: int
    price: float            # CNY for the first variant and pack
    group: str              # basket/mission group
    supplier: str
    brand: str | None = None
    weight: float = 1.0
    shelf: tuple = (12, 30)  # months of shelf life left when received
    margin: float = 0.3
    vat: int = 1300


FAMILIES: list[Family] = []


def _daily(*pairs):
    return tuple((n, d, f"×{n}") for n, d in pairs)


def _count(*sizes):
    return tuple((n, None, f"×{n}") for n in sizes)


def _label(*labels):
    return tuple((1, None, text) for text in labels)


def rx(key, atc, generic, form, strengths, packs, makers, price, group, brand=None, weight=1.0,
       supplier="chronic", shelf=(12, 30), margin=0.18):
    """A chronic maintenance drug (Rx) with days of supply per pack."""
    FAMILIES.append(Family(key, "chronic", "rx", atc, generic, generic.title(), form, tuple(strengths),
                           _daily(*packs), makers, price, group, supplier, brand, weight, shelf, margin))


def acute(key, atc, generic, form, strengths, packs, makers, price, group, legal="otc", weight=1.0,
          supplier="otc", shelf=(12, 30), margin=0.32, category="acute", title=None, brand=None):
    FAMILIES.append(Family(key, category, legal, atc, generic, title or (generic or key).title(), form,
                           tuple(strengths), packs, makers, price, group, supplier, brand, weight, shelf, margin))


def goods(key, category, title, variants, packs, makers, price, group, weight=1.0, supplier=None,
          shelf=(24, 48), margin=0.35, vat=1300, form="pack", atc=None, generic=None):
    FAMILIES.append(Family(key, category, "otc", atc, generic, title, form, tuple(variants), packs, makers,
                           price, group, supplier or {"supplement": "supplement", "mother_baby": "baby",
                                                      "personal_care": "personal", "device": "device"}[category],
                           None, weight, shelf, margin, vat))


# -- chronic maintenance drugs (condition groups) ---------------------------------------------------
rx("ramipril", "C09AA05", "ramipril", "tablets", ["2.5 mg", "5 mg", "10 mg"], [(30, 30), (90, 90)], 3, 32, "htn", "Ramicard", 1.0)
rx("amlodipine", "C08CA01", "amlodipine", "tablets", ["5 mg", "10 mg"], [(30, 30), (90, 90)], 3, 28, "htn", "Amlovas", 2.2)
rx("bisoprolol", "C07AB07", "bisoprolol", "tablets", ["2.5 mg", "5 mg", "10 mg"], [(30, 30), (60, 60)], 3, 30, "htn", "Bisocor", 1.1)
rx("losartan", "C09CA01", "losartan", "tablets", ["50 mg", "100 mg"], [(30, 30), (90, 90)], 3, 42, "htn", "Losacard", 1.2)
rx("valsartan", "C09CA03", "valsartan", "capsules", ["80 mg", "160 mg"], [(30, 30), (60, 60)], 2, 46, "htn", "Valtera", 1.0)
rx("telmisartan", "C09CA07", "telmisartan", "tablets", ["40 mg", "80 mg"], [(30, 30)], 2, 38, "htn", None, 0.6)
rx("nifedipine", "C08CA05", "nifedipine", "extended-release tablets", ["30 mg"], [(30, 30), (60, 60)], 2, 52, "htn", "Nifedur", 0.9)
rx("metoprolol", "C07AB02", "metoprolol succinate", "extended-release tablets", ["47.5 mg", "95 mg"], [(30, 30)], 2, 36, "htn", None, 0.6)
rx("hctz", "C03AA03", "hydrochlorothiazide", "tablets", ["12.5 mg", "25 mg"], [(30, 30), (90, 90)], 1, 12, "htn", None, 0.5)
rx("indapamide", "C03BA11", "indapamide", "sustained-release tablets", ["1.5 mg"], [(30, 30)], 2, 24, "htn", None, 0.4)
rx("perindopril", "C09AA04", "perindopril", "tablets", ["4 mg", "8 mg"], [(30, 30)], 2, 44, "htn", None, 0.4)
rx("candesartan", "C09CA06", "candesartan", "tablets", ["8 mg", "16 mg"], [(30, 30)], 2, 48, "htn", None, 0.4)
rx("amlo_valsartan", "C09DB01", "amlodipine/valsartan", "tablets", ["5/80 mg", "5/160 mg"], [(30, 30)], 1, 88, "htn", "Valamlo", 0.4)
rx("atorvastatin", "C10AA05", "atorvastatin", "tablets", ["10 mg", "20 mg", "40 mg"], [(30, 30), (90, 90)], 3, 45, "lipid", "Atorlip", 2.0)
rx("rosuvastatin", "C10AA07", "rosuvastatin", "tablets", ["5 mg", "10 mg", "20 mg"], [(30, 30), (90, 90)], 3, 52, "lipid", "Rosuvan", 1.4)
rx("simvastatin", "C10AA01", "simvastatin", "tablets", ["20 mg", "40 mg"], [(30, 30)], 2, 22, "lipid", None, 0.5)
rx("ezetimibe", "C10AX09", "ezetimibe", "tablets", ["10 mg"], [(30, 30)], 1, 68, "lipid", "Ezetra", 0.3)
rx("metformin", "A10BA02", "metformin", "tablets", ["500 mg", "850 mg", "1000 mg"], [(60, 30), (120, 60)], 3, 18, "dm", "Glucomet", 2.0, supplier="chronic2")
rx("gliclazide", "A10BB09", "gliclazide", "modified-release tablets", ["30 mg", "60 mg"], [(30, 30), (60, 60)], 2, 34, "dm", "Diaclide", 0.9, supplier="chronic2")
rx("glimepiride", "A10BB12", "glimepiride", "tablets", ["1 mg", "2 mg"], [(30, 30)], 2, 26, "dm", None, 0.5, supplier="chronic2")
rx("sitagliptin", "A10BH01", "sitagliptin", "tablets", ["50 mg", "100 mg"], [(30, 30)], 1, 128, "dm", "Sitavia", 0.5, supplier="chronic2")
rx("acarbose", "A10BF01", "acarbose", "tablets", ["50 mg"], [(90, 30)], 2, 58, "dm", "Glucarb", 0.6, supplier="chronic2")
rx("dapagliflozin", "A10BK01", "dapagliflozin", "tablets", ["10 mg"], [(30, 30)], 1, 142, "dm", "Dapaflo", 0.3, supplier="chronic2")
rx("insulin_glargine", "A10AE04", "insulin glargine", "pre-filled pens 100 U/ml", ["3 ml"], [(5, 50)], 1, 380, "dm", "Glargia", 0.2, supplier="chronic2", shelf=(6, 12), margin=0.1)
rx("levothyroxine", "H03AA01", "levothyroxine", "tablets", ["25 mcg", "50 mcg", "75 mcg", "100 mcg"], [(30, 30), (90, 90)], 2, 22, "thyroid", "Thyrolev", 1.0)
rx("salm_flut", "R03AK06", "salmeterol/fluticasone", "inhalation powder 60 doses", ["50/250 mcg", "50/500 mcg"], [(1, 30)], 2, 168, "resp", "Airflux", 1.0, supplier="chronic2")
rx("bud_form", "R03AK07", "budesonide/formoterol", "inhaler 120 doses", ["80/4.5 mcg", "160/4.5 mcg"], [(1, 60)], 1, 235, "resp", "Symbra", 0.6, supplier="chronic2")
rx("tiotropium", "R03BB04", "tiotropium", "inhalation capsules", ["18 mcg"], [(30, 30)], 1, 196, "copd", "Tiova", 0.5, supplier="chronic2")
rx("montelukast", "R03DC03", "montelukast", "tablets", ["10 mg"], [(30, 30)], 2, 62, "resp", "Monteka", 0.5, supplier="chronic2")
rx("salbutamol", "R03AC02", "salbutamol", "inhaler 200 doses", ["100 mcg"], [(1, 60)], 2, 28, "resp", "Ventaire", 0.8, supplier="chronic2")
rx("clopidogrel", "B01AC04", "clopidogrel", "tablets", ["75 mg"], [(30, 30), (90, 90)], 2, 72, "cvd", "Clopivar", 1.0)
rx("aspirin_low", "B01AC06", "acetylsalicylic acid", "enteric-coated tablets", ["100 mg"], [(30, 30), (90, 90)], 2, 16, "cvd", "Cardiprin", 1.0)
rx("allopurinol", "M04AA01", "allopurinol", "tablets", ["100 mg", "300 mg"], [(30, 30), (90, 90)], 1, 14, "gout", None, 0.7)
rx("febuxostat", "M04AA03", "febuxostat", "tablets", ["40 mg"], [(30, 30)], 1, 86, "gout", "Febura", 0.4)
rx("tamsulosin", "G04CA02", "tamsulosin", "modified-release capsules", ["0.2 mg"], [(30, 30)], 2, 48, "bph", "Tamsulin", 1.0)
rx("esomeprazole", "A02BC05", "esomeprazole", "gastro-resistant tablets", ["20 mg", "40 mg"], [(30, 30)], 2, 64, "gerd", "Esomex", 1.0)
rx("alendronate", "M05BA04", "alendronic acid", "tablets (weekly)", ["70 mg"], [(4, 28)], 1, 55, "osteo", "Fosalen", 1.0)
rx("sertraline", "N06AB06", "sertraline", "tablets", ["50 mg"], [(30, 30)], 2, 58, "mood", "Serenta", 1.0)
rx("escitalopram", "N06AB10", "escitalopram", "tablets", ["10 mg"], [(30, 30)], 1, 66, "mood", "Escita", 0.7)

# -- acute prescription drugs (antibiotics, antivirals, short courses) and controlled items ----------------
RX_ACUTE = dict(legal="rx", supplier="acute_rx", margin=0.25)
acute("amoxicillin", "J01CA04", "amoxicillin", "capsules", ["250 mg", "500 mg"], _count(24, 36), 2, 14, "antibiotic", weight=2.0, **RX_ACUTE)
acute("amoxiclav", "J01CR02", "amoxicillin/clavulanic acid", "tablets", ["625 mg"], _count(12, 14), 2, 36, "antibiotic", weight=1.5, **RX_ACUTE)
acute("azithromycin", "J01FA10", "azithromycin", "tablets", ["250 mg"], _count(6, 12), 2, 28, "antibiotic", weight=1.3, **RX_ACUTE)
acute("azithro_susp", "J01FA10", "azithromycin", "oral suspension 100 mg/5 ml", ["15 ml"], _count(1), 1, 32, "antibiotic", weight=0.5, **RX_ACUTE)
acute("cefuroxime", "J01DC02", "cefuroxime axetil", "tablets", ["250 mg"], _count(12), 2, 42, "antibiotic", weight=1.0, **RX_ACUTE)
acute("cefalexin", "J01DB01", "cefalexin", "capsules", ["250 mg"], _count(24), 1, 16, "antibiotic", weight=0.6, **RX_ACUTE)
acute("levofloxacin", "J01MA12", "levofloxacin", "tablets", ["500 mg"], _count(5, 10), 1, 38, "antibiotic", weight=0.7, **RX_ACUTE)
acute("clarithromycin", "J01FA09", "clarithromycin", "tablets", ["250 mg"], _count(14), 1, 34, "antibiotic", weight=0.4, **RX_ACUTE)
acute("metronidazole", "J01XD01", "metronidazole", "tablets", ["200 mg"], _count(21), 1, 9, "antibiotic", weight=0.4, **RX_ACUTE)
acute("nitrofurantoin", "J01XE01", "nitrofurantoin", "tablets", ["50 mg"], _count(30), 1, 18, "antibiotic", weight=0.3, **RX_ACUTE)
acute("oseltamivir", "J05AH02", "oseltamivir", "capsules", ["75 mg"], _count(10), 2, 88, "antiviral_flu", shelf=(12, 30), **RX_ACUTE)
acute("oseltamivir_kids", "J05AH02", "oseltamivir", "granules for children", ["15 mg"], _count(10), 1, 62, "antiviral_flu", weight=0.5, **RX_ACUTE)
acute("aciclovir_tab", "J05AB01", "aciclovir", "tablets", ["200 mg"], _count(24), 1, 22, "rx_misc", **RX_ACUTE)
acute("prednisone", "H02AB07", "prednisone", "tablets", ["5 mg"], _count(100), 1, 12, "rx_misc", **RX_ACUTE)
acute("fluconazole", "J02AC01", "fluconazole", "capsules", ["150 mg"], _count(1, 2), 1, 16, "rx_misc", **RX_ACUTE)
acute("levo_eye", "S01AE05", "levofloxacin", "eye drops 0.5%", ["5 ml"], _count(1), 1, 24, "rx_misc", **RX_ACUTE)
CONTROLLED = dict(legal="controlled", supplier="controlled", margin=0.22)
acute("tramadol", "N02AX02", "tramadol", "tablets", ["50 mg"], _count(10, 20), 1, 26, "controlled_pain", **CONTROLLED)
acute("tramadol_er", "N02AX02", "tramadol", "extended-release tablets", ["100 mg"], _count(10), 1, 48, "controlled_pain", weight=0.4, **CONTROLLED)
acute("para_codeine", "N02AJ06", "paracetamol/codeine", "tablets", ["500/30 mg"], _count(20), 1, 32, "controlled_pain", weight=0.7, **CONTROLLED)
acute("codeine_syrup", "R05DA04", "codeine/chlorphenamine", "oral solution", ["120 ml"], _count(1), 1, 38, "controlled_cough", **CONTROLLED)
acute("zolpidem", "N05CF02", "zolpidem", "tablets", ["10 mg"], _count(7, 14), 1, 42, "controlled_sleep", **CONTROLLED)
acute("alprazolam", "N05BA12", "alprazolam", "tablets", ["0.4 mg"], _count(20), 1, 24, "controlled_sleep", weight=0.6, **CONTROLLED)

# -- seasonal acute OTC: cold and flu (winter), allergy (spring) ------------------------------------------
acute("paracetamol", "N02BE01", "paracetamol", "tablets", ["500 mg"], _count(12, 24), 5, 8.5, "fever", weight=2.5)
acute("paracetamol_kids", "N02BE01", "paracetamol", "oral suspension for children", ["120 mg/5 ml"], _label("100 ml"), 2, 19, "fever", weight=1.0, shelf=(12, 24))
acute("cold_combo", "N02BE51", "paracetamol/pseudoephedrine/chlorphenamine", "tablets", ["day", "day & night"], _count(12, 24), 4, 16, "cold_combo", weight=3.0, title="Cold & Flu Relief")
acute("dextromethorphan", "R05DA09", "dextromethorphan", "cough syrup 15 mg/5 ml", ["100 ml", "150 ml"], _count(1), 3, 22, "cough", weight=1.6, shelf=(12, 24))
acute("guaifenesin", "R05CA03", "guaifenesin", "expectorant syrup 100 mg/5 ml", ["150 ml"], _count(1), 2, 24, "cough", weight=0.9, shelf=(12, 24))
acute("ambroxol", "R05CB06", "ambroxol", "tablets", ["30 mg"], _count(20), 2, 14, "cough", weight=1.0)
acute("ambroxol_syrup", "R05CB06", "ambroxol", "syrup 15 mg/5 ml", ["100 ml"], _count(1), 1, 21, "cough", weight=0.6, shelf=(12, 24))
acute("acetylcysteine", "R05CB01", "acetylcysteine", "effervescent tablets", ["600 mg"], _count(10), 1, 32, "cough", weight=0.5)
acute("pseudoephedrine", "R01BA02", "pseudoephedrine", "tablets", ["60 mg"], _count(12), 1, 15, "nasal_decongestant", weight=0.5)
acute("xylometazoline", "R01AA07", "xylometazoline", "nasal spray", ["0.1%", "0.05% children"], _label("10 ml"), 2, 18, "nasal_decongestant", weight=1.0)
acute("oxymetazoline", "R01AA05", "oxymetazoline", "nasal spray", ["0.05%"], _label("15 ml"), 2, 21, "nasal_decongestant", weight=0.7)
acute("saline_nasal", "R01AX10", "sodium chloride", "nasal spray 0.9%", ["30 ml", "80 ml"], _count(1), 2, 19, "nasal_decongestant", weight=0.6)
acute("vapour_rub", "R05X", "camphor/menthol/eucalyptus oil", "chest rub ointment", ["40 g", "100 g"], _count(1), 2, 18, "cough", weight=0.7, title="Vapour Rub")
acute("lozenges", "R02AA20", "amylmetacresol/dichlorobenzyl alcohol", "lozenges", ["honey & lemon", "orange", "strawberry", "sugar free"], _count(24), 2, 18, "lozenge", weight=2.0, title="Throat Lozenges")
acute("tcm_banlangen", None, None, "granules", ["10 g"], _count(20), 2, 15, "tcm_cold", supplier="tcm", weight=1.3, title="板蓝根颗粒")
acute("tcm_ganmao", None, None, "granules", ["10 g"], _count(10), 2, 13, "tcm_cold", supplier="tcm", weight=1.0, title="感冒清热颗粒")
acute("tcm_lianhua", None, None, "capsules", ["0.35 g"], _count(24, 36), 1, 16, "tcm_cold", supplier="tcm", weight=1.5, title="连花清瘟胶囊")
acute("tcm_shuanghuanglian", None, None, "oral liquid", ["10 ml"], _count(10), 1, 24, "tcm_cold", supplier="tcm", weight=0.7, title="双黄连口服液")
acute("tcm_loquat", None, None, "loquat cough syrup", ["150 ml", "300 ml"], _count(1), 2, 26, "cough", supplier="tcm", weight=1.2, title="枇杷止咳糖浆", shelf=(12, 24))
acute("cetirizine", "R06AE07", "cetirizine", "tablets", ["10 mg"], _count(10, 30), 3, 18, "antihistamine", weight=2.0)
acute("cetirizine_syrup", "R06AE07", "cetirizine", "oral solution 1 mg/ml", ["60 ml"], _count(1), 1, 26, "antihistamine", weight=0.6)
acute("loratadine", "R06AX13", "loratadine", "tablets", ["10 mg"], _count(6, 12), 3, 16, "antihistamine", weight=2.0)
acute("loratadine_syrup", "R06AX13", "loratadine", "syrup 1 mg/ml", ["60 ml"], _count(1), 1, 24, "antihistamine", weight=0.5)
acute("fexofenadine", "R06AX26", "fexofenadine", "tablets", ["120 mg", "180 mg"], _count(10), 1, 36, "antihistamine", weight=0.6)
acute("mometasone_nasal", "R01AD09", "mometasone", "nasal spray 50 mcg/dose", ["60 doses", "140 doses"], _count(1), 2, 58, "nasal_steroid", weight=1.0)
acute("fluticasone_nasal", "R01AD08", "fluticasone propionate", "nasal spray 50 mcg/dose", ["120 doses"], _count(1), 1, 62, "nasal_steroid", weight=0.6)
acute("budesonide_nasal", "R01AD05", "budesonide", "nasal spray 64 mcg/dose", ["120 doses"], _count(1), 1, 54, "nasal_steroid", weight=0.4)
acute("olopatadine_eye", "S01GX09", "olopatadine", "eye drops 0.1%", ["5 ml"], _count(1), 1, 48, "eye_allergy", supplier="skin")
acute("ketotifen_eye", "S01GX08", "ketotifen", "eye drops 0.025%", ["5 ml"], _count(1), 1, 32, "eye_allergy", supplier="skin", weight=0.7)
acute("cromoglicate_eye", "S01GX01", "sodium cromoglicate", "eye drops 2%", ["10 ml"], _count(1), 1, 22, "eye_allergy", supplier="skin", weight=0.6)

# -- everyday OTC: pain, stomach, skin, eyes and mouth ----------------------------------------------------------
OTC = dict(category="otc")
acute("ibuprofen", "M01AE01", "ibuprofen", "tablets", ["200 mg", "400 mg"], _count(24), 3, 12, "analgesic", weight=2.5, **OTC)
acute("ibuprofen_sr", "M01AE01", "ibuprofen", "sustained-release capsules", ["300 mg"], _count(20), 2, 18, "analgesic", weight=1.2, title="布洛芬缓释胶囊", **OTC)
acute("ibuprofen_kids", "M01AE01", "ibuprofen", "oral suspension for children", ["100 mg/5 ml"], _label("100 ml"), 2, 22, "fever", weight=1.0, shelf=(12, 24), **OTC)
acute("aspirin", "N02BA01", "acetylsalicylic acid", "tablets", ["500 mg"], _count(20), 1, 9, "analgesic", weight=0.6, **OTC)
acute("naproxen", "M01AE02", "naproxen", "tablets", ["250 mg"], _count(20), 1, 16, "analgesic", weight=0.5, **OTC)
acute("para_caffeine", "N02BE51", "paracetamol/caffeine", "tablets", ["500/65 mg"], _count(20), 2, 14, "analgesic", weight=0.9, title="Headache Extra", **OTC)
acute("diclofenac_gel", "M02AA15", "diclofenac", "gel", ["1%", "2.32%"], _label("50 g", "100 g"), 2, 26, "topical_pain", weight=1.5, **OTC)
acute("ketoprofen_gel", "M02AA10", "ketoprofen", "gel 2.5%", ["30 g"], _count(1), 1, 24, "topical_pain", weight=0.4, **OTC)
acute("pain_plaster", None, None, "herbal pain-relief plasters", ["7 x 10 cm"], _count(4, 10), 3, 18, "topical_pain", supplier="tcm", weight=1.2, title="麝香止痛膏", **OTC)
acute("loperamide", "A07DA03", "loperamide", "capsules", ["2 mg"], _count(6, 12), 2, 11, "antidiarrheal", weight=1.3, **OTC)
acute("smectite", "A07BC05", "diosmectite", "powder for oral suspension", ["3 g"], _count(10), 2, 22, "antidiarrheal", weight=1.0, **OTC)
acute("ors", "A07CA", "oral rehydration salts", "sachets", ["lemon"], _count(6, 10), 2, 12, "ors", weight=1.0, **OTC)
acute("omeprazole_otc", "A02BC01", "omeprazole", "gastro-resistant capsules", ["20 mg"], _count(7, 14), 2, 18, "ppi_otc", weight=1.0, **OTC)
acute("famotidine", "A02BA03", "famotidine", "tablets", ["20 mg"], _count(24), 1, 12, "antacid", weight=0.6, **OTC)
acute("antacid", "A02AD01", "aluminium hydroxide/magnesium hydroxide", "chewable tablets", ["mint"], _count(24, 48), 2, 10, "antacid", weight=1.2, title="Antacid", **OTC)
acute("simethicone", "A03AX13", "simeticone", "chewable tablets", ["40 mg"], _count(20), 1, 16, "antacid", weight=0.5, **OTC)
acute("domperidone", "A03FA03", "domperidone", "tablets", ["10 mg"], _count(30), 2, 14, "antacid", weight=1.0, **OTC)
acute("lactulose", "A06AD11", "lactulose", "oral solution", ["200 ml"], _count(1), 1, 29, "laxative", weight=0.6, **OTC)
acute("bisacodyl", "A06AB02", "bisacodyl", "gastro-resistant tablets", ["5 mg"], _count(20), 1, 9, "laxative", weight=0.5, **OTC)
acute("glycerol_supp", "A06AX01", "glycerol", "suppositories", ["2 g"], _count(10), 1, 12, "laxative", weight=0.3, **OTC)
acute("probiotic", "A07FA01", "lactic acid producing organisms", "capsules", ["Bifidobacterium"], _count(20, 40), 3, 32, "probiotic", weight=1.6, shelf=(6, 14), title="Probiotic", **OTC)
acute("dimenhydrinate", "A04AD", "dimenhydrinate", "tablets", ["50 mg"], _count(12), 1, 8, "pc_misc", weight=0.4, **OTC)
acute("hemorrhoid", "C05AA", "hemorrhoid ointment", "ointment", ["20 g"], _count(1), 2, 19, "laxative", supplier="skin", weight=0.5, title="Hemorrhoid Ointment", **OTC)
acute("clotrimazole", "D01AC01", "clotrimazole", "cream 1%", ["10 g", "20 g"], _count(1), 2, 11, "antifungal", supplier="skin", weight=1.2, **OTC)
acute("miconazole", "D01AC02", "miconazole", "cream 2%", ["15 g"], _count(1), 2, 13, "antifungal", supplier="skin", weight=0.8, **OTC)
acute("terbinafine", "D01AE15", "terbinafine", "cream 1%", ["15 g"], _count(1), 2, 24, "antifungal", supplier="skin", weight=1.0, **OTC)
acute("hydrocortisone", "D07AA02", "hydrocortisone", "cream 1%", ["10 g", "20 g"], _count(1), 2, 12, "steroid_cream", supplier="skin", weight=1.0, **OTC)
acute("mupirocin", "D06AX09", "mupirocin", "ointment 2%", ["5 g"], _count(1), 1, 18, "antiseptic", supplier="skin", weight=0.7, **OTC)
acute("erythromycin_oint", "D10AF02", "erythromycin", "ointment 1%", ["10 g"], _count(1), 1, 4, "antiseptic", supplier="skin", weight=0.6, **OTC)
acute("aciclovir_cream", "D06BB03", "aciclovir", "cream 5%", ["2 g"], _count(1), 1, 14, "skin_misc", supplier="skin", weight=0.6, **OTC)
acute("calamine", "D04AX", "calamine", "lotion", ["100 ml"], _count(1), 1, 12, "skin_misc", supplier="skin", weight=0.5, **OTC)
acute("povidone", "D08AG02", "povidone-iodine", "solution 10%", ["100 ml"], _count(1), 2, 9, "antiseptic", supplier="skin", weight=0.9, **OTC)
acute("chlorhexidine", "D08AC02", "chlorhexidine", "antiseptic wipes", ["0.5%"], _count(20), 1, 12, "antiseptic", supplier="skin", weight=0.5, **OTC)
acute("urea_cream", "D02AE01", "urea", "cream 10%", ["50 g"], _count(1), 2, 22, "skin_misc", supplier="skin", weight=0.6, **OTC)
acute("benzoyl", "D10AE01", "benzoyl peroxide", "gel 5%", ["20 g"], _count(1), 2, 26, "acne", supplier="skin", weight=0.6, **OTC)
acute("adapalene", "D10AD03", "adapalene", "gel 0.1%", ["30 g"], _count(1), 1, 45, "acne", supplier="skin", weight=0.5, **OTC)
acute("sulfadiazine", "D06BA01", "silver sulfadiazine", "cream 1%", ["20 g"], _count(1), 1, 16, "skin_misc", supplier="skin", weight=0.3, **OTC)
acute("minoxidil", "D11AX01", "minoxidil", "topical solution 5%", ["60 ml"], _count(1), 2, 98, "hair", supplier="skin", weight=0.5, **OTC)
acute("artificial_tears", "S01XA20", "hypromellose", "eye drops", ["10 ml", "single-dose 0.5 ml x 20"], _count(1), 3, 22, "eye_care", supplier="skin", weight=1.4, **OTC)
acute("chloramphenicol_eye", "S01AA01", "chloramphenicol", "eye drops 0.5%", ["8 ml"], _count(1), 1, 5, "eye_care", supplier="skin", weight=0.6, **OTC)
acute("mouth_ulcer", "A01AD11", "mouth ulcer gel", "oral gel", ["10 g"], _count(1), 2, 16, "mouth", supplier="skin", weight=0.8, title="Mouth Ulcer Gel", **OTC)
acute("ear_drops", "S02DC", "ear wax drops", "ear drops", ["10 ml"], _count(1), 1, 15, "eye_care", supplier="skin", weight=0.3, title="Ear Wax Drops", **OTC)
acute("nicotine_gum", "N07BA01", "nicotine", "chewing gum", ["2 mg", "4 mg"], _count(30), 2, 68, "smoking", weight=0.5, **OTC)
acute("levonorgestrel", "G03AD01", "levonorgestrel", "tablet", ["1.5 mg"], _count(1), 2, 32, "women_health", weight=0.7, **OTC)
acute("vaginal_clotrimazole", "G01AF02", "clotrimazole", "vaginal tablet", ["500 mg"], _count(1), 1, 21, "women_health", supplier="skin", weight=0.5, **OTC)

# -- supplements --------------------------------------------------------------------------------------
goods("vitamin_c", "supplement", "Vitamin C", ["500 mg tablets", "1000 mg effervescent"], _count(20, 60), 4, 24, "vitamin_c", weight=2.0, atc="A11GA01", generic="ascorbic acid", form="tablets", margin=0.5)
goods("vitc_gummies", "supplement", "Kids Vitamin C Gummies", ["orange"], _count(60), 2, 49, "kids_supp", weight=0.5, atc="A11GA01", generic="ascorbic acid", form="gummies", margin=0.55)
goods("multivitamin", "supplement", "Multivitamin", ["Men", "Women", "50+", "Kids chewable"], _count(60), 3, 78, "multivitamin", weight=1.5, atc="A11AA03", generic="multivitamins", form="tablets", margin=0.5)
goods("vitamin_d", "supplement", "Vitamin D3", ["400 IU", "1000 IU", "2000 IU"], _count(90), 2, 42, "vit_d", weight=1.0, atc="A11CC05", generic="colecalciferol", form="softgels", margin=0.5)
goods("calcium_d", "supplement", "Calcium + D3", ["600 mg/400 IU"], _count(60, 120), 3, 58, "calcium", weight=1.4, atc="A12AX", generic="calcium carbonate/colecalciferol", form="tablets", margin=0.45)
goods("fish_oil", "supplement", "Omega-3 Fish Oil", ["1000 mg"], _count(100, 200), 3, 88, "fish_oil", weight=1.2, form="softgels", margin=0.5)
goods("b_complex", "supplement", "Vitamin B Complex", ["tablets"], _count(100), 2, 36, "supp_misc", weight=0.7, atc="A11EA", generic="vitamin B complex", form="tablets", margin=0.5)
goods("folic_acid", "supplement", "Folic Acid", ["0.4 mg"], _count(31, 93), 2, 18, "folic", weight=0.8, atc="B03BB01", generic="folic acid", form="tablets", margin=0.45)
goods("prenatal", "supplement", "Prenatal Multivitamin", ["with DHA"], _count(30, 60), 2, 128, "prenatal", weight=0.6, atc="A11AA03", generic="multivitamins", form="tablets", margin=0.5)
goods("iron", "supplement", "Iron", ["ferrous fumarate 200 mg"], _count(60), 2, 26, "supp_misc", weight=0.5, atc="B03AA02", generic="ferrous fumarate", form="tablets", margin=0.45)
goods("zinc", "supplement", "Zinc", ["zinc gluconate 10 mg"], _count(60), 2, 32, "supp_misc", weight=0.4, atc="A12CB02", generic="zinc gluconate", form="tablets", margin=0.5)
goods("magnesium", "supplement", "Magnesium", ["250 mg"], _count(60), 2, 46, "supp_misc", weight=0.4, atc="A12CC", generic="magnesium citrate", form="tablets", margin=0.5)
goods("glucosamine", "supplement", "Glucosamine", ["1500 mg", "1500 mg + chondroitin"], _count(60, 120), 2, 98, "joint", weight=1.0, atc="M01AX05", generic="glucosamine", form="tablets", margin=0.55)
goods("coq10", "supplement", "Coenzyme Q10", ["100 mg"], _count(60), 2, 118, "supp_misc", weight=0.5, form="softgels", margin=0.55)
goods("lutein", "supplement", "Lutein", ["20 mg"], _count(60), 2, 96, "supp_misc", weight=0.4, form="softgels", margin=0.55)
goods("collagen", "supplement", "Collagen Peptide", ["powder"], _label("300 g"), 2, 168, "supp_misc", weight=0.4, form="tin", margin=0.55, vat=900)
goods("protein", "supplement", "Whey Protein", ["vanilla", "chocolate"], _label("400 g", "800 g"), 1, 138, "supp_misc", weight=0.4, form="tin", margin=0.45, vat=900)
goods("melatonin", "supplement", "Melatonin", ["3 mg"], _count(60), 2, 58, "supp_misc", weight=0.5, form="tablets", margin=0.55)
goods("vitamin_e", "supplement", "Vitamin E", ["100 mg"], _count(60), 2, 39, "supp_misc", weight=0.3, atc="A11HA03", generic="tocopherol", form="softgels", margin=0.5)
goods("cod_liver", "supplement", "Kids Cod Liver Oil", ["orange"], _count(90), 2, 86, "kids_supp", weight=0.5, form="softgels", margin=0.5)
goods("dha_kids", "supplement", "Kids DHA", ["algal oil"], _count(30), 2, 158, "kids_supp", weight=0.4, form="softgels", margin=0.55)
goods("ginseng", "supplement", "American Ginseng", ["slices"], _label("50 g", "100 g"), 2, 148, "supp_misc", supplier="tcm", weight=0.4, form="box", margin=0.5, vat=900)
goods("spirulina", "supplement", "Spirulina", ["500 mg"], _count(200), 1, 78, "supp_misc", weight=0.2, form="tablets", margin=0.55)

# -- mother and baby ------------------------------------------------------------------------------------------
goods("formula_1", "mother_baby", "Infant Formula Stage 1 (0-6 m)", ["800 g"], _count(1), 4, 268, "formula", weight=1.0, shelf=(9, 18), form="tin", margin=0.18, vat=900)
goods("formula_2", "mother_baby", "Follow-on Formula Stage 2 (6-12 m)", ["800 g"], _count(1), 4, 258, "formula", weight=1.2, shelf=(9, 18), form="tin", margin=0.18, vat=900)
goods("formula_3", "mother_baby", "Growing-up Milk Stage 3 (1-3 y)", ["800 g"], _count(1), 4, 228, "formula", weight=1.1, shelf=(9, 18), form="tin", margin=0.2, vat=900)
goods("formula_small", "mother_baby", "Infant Formula Travel Tin", ["Stage 1", "Stage 2", "Stage 3"], _label("400 g"), 2, 138, "formula", weight=0.4, shelf=(9, 18), form="tin", margin=0.2, vat=900)
goods("diapers", "mother_baby", "Diapers", ["NB", "S", "M", "L", "XL", "XXL"], _count(48), 3, 89, "diapers", weight=2.0, shelf=(36, 60), margin=0.22)
goods("pullups", "mother_baby", "Pull-up Pants", ["L", "XL"], _count(36), 2, 99, "diapers", weight=0.6, shelf=(36, 60), margin=0.22)
goods("wipes", "mother_baby", "Baby Wipes", ["fragrance free"], _label("80 wipes", "3 x 80 wipes"), 2, 12, "wipes", weight=1.5, margin=0.35)
goods("rash_cream", "mother_baby", "Diaper Rash Cream", ["zinc oxide"], _label("50 g"), 2, 36, "baby_care", weight=0.8, atc="D02AB", generic="zinc oxide")
goods("baby_lotion", "mother_baby", "Baby Lotion", ["gentle"], _label("200 ml"), 2, 45, "baby_care", weight=0.5)
goods("baby_wash", "mother_baby", "Baby Shampoo & Wash", ["tear free"], _label("300 ml"), 2, 42, "baby_care", weight=0.5)
goods("baby_oil", "mother_baby", "Baby Massage Oil", ["natural"], _label("100 ml"), 1, 38, "baby_care", weight=0.2)
goods("bottles", "mother_baby", "Feeding Bottle", ["150 ml", "240 ml"], _count(1), 2, 78, "feeding", weight=0.5, shelf=(48, 72))
goods("teats", "mother_baby", "Bottle Teats", ["slow flow", "medium flow"], _count(2), 1, 36, "feeding", weight=0.3, shelf=(48, 72))
goods("pacifier", "mother_baby", "Pacifier", ["0-6 m", "6-18 m"], _count(2), 1, 42, "feeding", weight=0.3, shelf=(48, 72))
goods("breast_pads", "mother_baby", "Disposable Breast Pads", ["ultra thin"], _count(100), 1, 49, "feeding", weight=0.3)
goods("nipple_cream", "mother_baby", "Nipple Cream", ["lanolin"], _label("40 g"), 1, 68, "feeding", weight=0.2)
goods("baby_saline", "mother_baby", "Baby Saline Nasal Drops", ["0.9%"], _label("10 ml"), 1, 22, "baby_care", weight=0.4)
goods("gripe_drops", "mother_baby", "Infant Colic Drops", ["simeticone"], _label("30 ml"), 1, 46, "baby_care", weight=0.4, atc="A03AX13", generic="simeticone")
goods("baby_vit_d", "mother_baby", "Baby Vitamin D Drops", ["400 IU"], _label("10 ml"), 2, 58, "kids_supp", weight=0.5, atc="A11CC05", generic="colecalciferol")

# -- personal care -----------------------------------------------------------------------------------------------
goods("tissues", "personal_care", "Facial Tissues", ["3-ply pocket packs", "2-ply box"], _count(10, 3), 3, 9.9, "tissues", weight=2.5, shelf=(48, 72), margin=0.35)
goods("toothpaste", "personal_care", "Toothpaste", ["sensitive", "whitening", "herbal", "kids"], _label("120 g"), 3, 18, "oral_care", weight=1.5)
goods("toothbrush", "personal_care", "Toothbrush", ["soft", "medium"], _count(2), 2, 16, "oral_care", weight=0.8, shelf=(48, 72))
goods("mouthwash", "personal_care", "Mouthwash", ["mint", "alcohol free"], _label("500 ml"), 1, 32, "oral_care", weight=0.6)
goods("floss", "personal_care", "Dental Floss", ["waxed mint"], _label("50 m"), 2, 15, "oral_care", weight=0.4)
goods("shampoo", "personal_care", "Shampoo", ["anti-dandruff", "gentle"], _label("400 ml"), 2, 39, "hair_care", weight=0.7)
goods("cleanser", "personal_care", "Gentle Face Cleanser", ["sensitive skin"], _label("150 ml"), 2, 56, "skin_care", weight=0.4)
goods("body_wash", "personal_care", "Body Wash", ["sensitive skin"], _label("500 ml"), 2, 32, "skin_care", weight=0.5)
goods("hand_cream", "personal_care", "Hand Cream", ["urea 5%", "shea"], _label("75 ml"), 2, 28, "skin_care", weight=0.8)
goods("lip_balm", "personal_care", "Lip Balm", ["original", "SPF 15"], _label("4.8 g"), 2, 15, "skin_care", weight=1.0)
goods("moisturizer", "personal_care", "Moisturizing Cream", ["dry skin", "sensitive"], _label("100 ml"), 2, 68, "skin_care", weight=0.6)
goods("sunscreen", "personal_care", "Sunscreen", ["SPF 30", "SPF 50+", "kids SPF 50"], _label("50 ml"), 3, 88, "sunscreen", weight=1.0, shelf=(18, 30))
goods("masks", "personal_care", "Surgical Face Masks", ["adult", "kids"], _count(50), 2, 25, "masks", weight=1.5)
goods("kn95", "personal_care", "KN95 Respirator Masks", ["adult"], _count(10), 2, 29, "masks", weight=0.8)
goods("sanitizer", "personal_care", "Hand Sanitizer Gel", ["75% alcohol"], _label("100 ml", "500 ml"), 2, 14, "sanitizer", weight=1.0)
goods("cotton", "personal_care", "Cotton Pads & Buds", ["pads", "buds"], _count(200), 2, 9, "pc_misc", weight=0.8)
goods("pads", "personal_care", "Sanitary Pads", ["day", "night", "liners"], _count(10), 2, 16, "feminine", weight=1.1)
goods("condoms", "personal_care", "Condoms", ["ultra thin"], _count(3, 12), 2, 22, "condoms", weight=0.8, shelf=(36, 60), atc=None)
goods("lens_solution", "personal_care", "Contact Lens Solution", ["multi-purpose"], _label("360 ml"), 2, 58, "pc_misc", weight=0.5)
goods("insect", "personal_care", "Insect Repellent", ["DEET 15%", "kids picaridin"], _label("100 ml"), 2, 32, "insect", weight=0.8, shelf=(24, 36))
goods("heat_patch", "personal_care", "Self-heating Patches", ["body"], _count(10), 2, 19, "pc_misc", weight=0.6)
goods("razors", "personal_care", "Disposable Razors", ["3-blade"], _count(4), 1, 26, "pc_misc", weight=0.3, shelf=(48, 72))
goods("deodorant", "personal_care", "Deodorant", ["roll-on"], _label("50 ml"), 2, 29, "pc_misc", weight=0.3)
goods("earplugs", "personal_care", "Sleep Eye Mask & Earplugs", ["set"], _count(1), 1, 22, "pc_misc", weight=0.2, shelf=(48, 72))

# -- devices ---------------------------------------------------------------------------------------------------
goods("thermometer", "device", "Digital Thermometer", ["stick", "flexible tip", "infrared forehead"], _count(1), 2, 29, "thermometer", weight=1.0, shelf=(48, 72))
goods("bp_monitor", "device", "Blood Pressure Monitor", ["upper arm", "wrist"], _count(1), 3, 268, "bp_monitor", weight=1.0, shelf=(48, 72), margin=0.3)
goods("glucose_meter", "device", "Blood Glucose Meter", ["starter kit"], _count(1), 2, 168, "glucose_meter", weight=1.0, shelf=(48, 72), margin=0.25)
goods("test_strips", "device", "Blood Glucose Test Strips", ["for GlucoSure meters", "for Medilite meters"], _count(50, 100), 1, 98, "test_strips", weight=1.0, shelf=(12, 24), margin=0.25)
goods("lancets", "device", "Sterile Lancets", ["30G"], _count(100, 200), 2, 28, "lancets", weight=1.0, shelf=(36, 60))
goods("pen_needles", "device", "Insulin Pen Needles", ["4 mm 32G"], _count(100), 1, 79, "pen_needles", weight=0.6, shelf=(36, 60))
goods("oximeter", "device", "Fingertip Pulse Oximeter", ["standard"], _count(1), 2, 99, "device_misc", weight=0.5, shelf=(48, 72))
goods("nebulizer", "device", "Compressor Nebulizer", ["home"], _count(1), 1, 298, "device_misc", weight=0.2, shelf=(48, 72))
goods("pregnancy_test", "device", "Pregnancy Test", ["midstream"], _count(1, 2), 2, 19, "pregnancy_test", weight=1.0, shelf=(18, 30))
goods("ovulation_test", "device", "Ovulation Test Strips", ["LH"], _count(10), 1, 39, "pregnancy_test", weight=0.4, shelf=(18, 30))
goods("antigen_test", "device", "Flu A/B & COVID-19 Antigen Test", ["nasal swab"], _count(1, 5), 2, 18, "antigen_test", weight=1.0, shelf=(9, 18))
goods("bandage", "device", "Elastic Bandage", ["5 cm", "10 cm"], _count(1), 1, 12, "first_aid", weight=0.5, shelf=(48, 72))
goods("gauze", "device", "Sterile Gauze Swabs", ["10 x 10 cm"], _count(10), 1, 8, "first_aid", weight=0.5, shelf=(36, 60))
goods("plasters", "device", "Adhesive Plasters", ["assorted", "waterproof"], _count(20, 100), 2, 9.9, "first_aid", weight=1.5, shelf=(36, 60))
goods("medical_tape", "device", "Medical Tape", ["paper 2.5 cm"], _count(1), 1, 6, "first_aid", weight=0.3, shelf=(36, 60))
goods("pill_box", "device", "Weekly Pill Organizer", ["7 day", "7 day AM/PM"], _count(1), 1, 19, "device_misc", weight=0.5, shelf=(48, 72))
goods("knee_brace", "device", "Knee Support", ["M", "L"], _count(1), 1, 69, "device_misc", weight=0.3, shelf=(48, 72))
goods("hot_water_bottle", "device", "Hot Water Bottle", ["2 l"], _count(1), 1, 35, "device_misc", weight=0.3, shelf=(48, 72))
goods("cold_pack", "device", "Instant Cold Pack", ["single"], _count(1), 1, 9, "first_aid", weight=0.3, shelf=(36, 60))

# -- chronic conditions: who has them, and which drug families treat them ------------------------------------
# condition: (prevalence at 40 and at 75 years, sex factor for (F, M), [(groups or family keys, probability)])
CONDITIONS = {
    "hypertension": ((0.08, 0.55), (0.9, 1.1), [("htn", 1.0), ("htn", 0.35)]),
    "hyperlipidemia": ((0.06, 0.35), (1.0, 1.0), [("lipid", 1.0)]),
    "diabetes": ((0.03, 0.22), (0.9, 1.1), [("metformin", 0.8), ("dm", 0.45)]),
    "hypothyroidism": ((0.025, 0.06), (1.7, 0.3), [("levothyroxine", 1.0)]),
    "asthma": ((0.04, 0.05), (1.1, 0.9), [("salm_flut bud_form", 0.8), ("salbutamol", 0.7), ("montelukast", 0.25)]),
    "copd": ((0.005, 0.08), (0.6, 1.4), [("tiotropium salm_flut", 1.0), ("salbutamol", 0.5)]),
    "coronary heart disease": ((0.01, 0.15), (0.7, 1.3), [("cvd", 1.0), ("atorvastatin rosuvastatin", 0.8)]),
    "gout": ((0.01, 0.05), (0.3, 1.7), [("gout", 1.0)]),
    "bph": ((0.0, 0.30), (0.0, 2.0), [("bph", 1.0)]),
    "gerd": ((0.03, 0.06), (1.0, 1.0), [("gerd", 1.0)]),
    "osteoporosis": ((0.0, 0.18), (1.8, 0.2), [("osteo", 1.0)]),
    "depression": ((0.03, 0.03), (1.4, 0.6), [("mood", 1.0)]),
}

# -- shopping missions: a visit's purpose decides what goes into the basket ---------------------------------
# mission: (season, weight for walk-ins, weight for members, [(group, probability, max quantity)])
MISSIONS = {
    "cold_flu": ("flu", 0.15, 0.12, [("cold_combo", 0.45, 2), ("fever", 0.35, 2), ("cough", 0.35, 1),
                                      ("tcm_cold", 0.3, 2), ("nasal_decongestant", 0.15, 1), ("lozenge", 0.3, 2),
                                      ("tissues", 0.3, 3), ("vitamin_c", 0.18, 1), ("thermometer", 0.025, 1),
                                      ("masks", 0.12, 1), ("antigen_test", 0.06, 2), ("antiviral_flu", 0.03, 1),
                                      ("controlled_cough", 0.008, 1)]),
    "allergy": ("allergy", 0.05, 0.04, [("antihistamine", 0.8, 1), ("nasal_steroid", 0.35, 1),
                                         ("eye_allergy", 0.22, 1), ("tissues", 0.12, 2)]),
    "infection": ("infection", 0.06, 0.05, [("antibiotic", 1.0, 1), ("probiotic", 0.35, 1), ("fever", 0.15, 1),
                                             ("lozenge", 0.08, 1), ("rx_misc", 0.1, 1)]),
    "pain": ("flat", 0.12, 0.10, [("analgesic", 0.8, 2), ("topical_pain", 0.3, 1), ("first_aid", 0.05, 1),
                                   ("controlled_pain", 0.015, 1), ("controlled_sleep", 0.006, 1)]),
    "stomach": ("summer", 0.09, 0.08, [("antidiarrheal", 0.4, 1), ("ors", 0.3, 2), ("probiotic", 0.3, 1),
                                        ("antacid", 0.3, 1), ("ppi_otc", 0.2, 1), ("laxative", 0.12, 1)]),
    "skin": ("summer", 0.07, 0.06, [("antifungal", 0.3, 1), ("steroid_cream", 0.22, 1), ("antiseptic", 0.2, 1),
                                     ("sunscreen", 0.25, 1), ("insect", 0.2, 1), ("acne", 0.12, 1),
                                     ("skin_misc", 0.15, 1), ("first_aid", 0.15, 1), ("hair", 0.04, 1)]),
    "eyes_mouth": ("flat", 0.04, 0.04, [("eye_care", 0.65, 1), ("mouth", 0.4, 1)]),
    "supplements": ("supplement", 0.06, 0.12, [("vitamin_c", 0.25, 2), ("multivitamin", 0.3, 1), ("vit_d", 0.2, 1),
                                                ("calcium", 0.25, 2), ("fish_oil", 0.25, 2), ("joint", 0.15, 1),
                                                ("supp_misc", 0.25, 1)]),
    "personal": ("flat", 0.13, 0.13, [("tissues", 0.3, 3), ("oral_care", 0.4, 2), ("hair_care", 0.12, 1),
                                       ("skin_care", 0.25, 1), ("sanitizer", 0.12, 1), ("feminine", 0.2, 2),
                                       ("condoms", 0.08, 1), ("masks", 0.08, 1), ("pc_misc", 0.2, 1)]),
    "baby": ("flat", 0.015, 0.012, [("formula", 0.5, 2), ("diapers", 0.7, 2), ("wipes", 0.4, 2),
                                   ("baby_care", 0.25, 1), ("feeding", 0.08, 1), ("kids_supp", 0.08, 1)]),
    "device": ("flat", 0.025, 0.035, [("thermometer", 0.3, 1), ("bp_monitor", 0.25, 1), ("first_aid", 0.3, 1),
                                       ("pregnancy_test", 0.15, 1), ("glucose_meter", 0.08, 1),
                                       ("device_misc", 0.2, 1)]),
    "women": ("flat", 0.03, 0.03, [("women_health", 0.5, 1), ("pregnancy_test", 0.3, 1), ("folic", 0.3, 1),
                                    ("prenatal", 0.15, 1), ("feminine", 0.3, 1)]),
    "smoking": ("flat", 0.005, 0.005, [("smoking", 1.0, 2)]),
    "chronic_walkin": ("flat", 0.05, 0.0, [("chronic_any", 1.0, 2)]),
}
# Small things picked up at the counter on any visit.
IMPULSE_GROUPS = ("lozenge", "tissues", "vitamin_c", "skin_care", "masks", "first_aid", "sanitizer", "oral_care")

# Chinese New Year's day (the Spring Festival week is quiet at the pharmacy).
SPRING_FESTIVAL = ("2015-02-19 2016-02-08 2017-01-28 2018-02-16 2019-02-05 2020-01-25 2021-02-12 2022-02-01 "
                   "2023-01-22 2024-02-10 2025-01-29 2026-02-17 2027-02-06 2028-01-26 2029-02-13 2030-02-03 "
                   "2031-01-23 2032-02-11 2033-01-31 2034-02-19 2035-02-08").split()

# -- invented people ----------------------------------------------------------------------------------------------
SURNAMES = ("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song "
            "Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Ding Ren Shen "
            "Yao Lu Jin").split()
SURNAMES_HANZI = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏丁任沈姚卢金"
GIVEN_F = ("Fang Na Min Jing Li Yan Xiuying Hua Ping Hui Xin Ting Xue Mei Lan Hong Yun Qian Yu Jie Juan Xia Lin Dan "
           "Lili Jingjing Xiaomei Yuxin Zihan Shuang Wenjing Chunmei Guiying Yumei").split()
GIVEN_M = ("Wei Qiang Lei Jun Yang Yong Tao Ming Chao Gang Hao Bo Kai Jian Peng Bin Hui Long Feng Xin Jie Lin Yi "
           "Zhiqiang Jianguo Haoran Yuxuan Zihao Jianhua Guoqiang Dawei Xiaolong Zhiwei").split()
GIVEN_HANZI_F = ("芳", "娜", "敏", "静", "丽", "艳", "秀英", "华", "平", "慧", "欣", "婷", "雪", "梅", "兰", "红", "云",
                 "倩", "玉", "洁", "娟", "霞", "琳", "丹", "莉莉", "晶晶", "小梅", "雨欣", "子涵", "桂英")
GIVEN_HANZI_M = ("伟", "强", "磊", "军", "洋", "勇", "涛", "明", "超", "刚", "浩", "波", "凯", "建", "鹏", "斌", "辉",
                 "龙", "峰", "鑫", "杰", "毅", "志强", "建国", "浩然", "宇轩", "子豪", "建华", "国强", "大伟")
ENGLISH_F = ("Emma Olivia Sophie Grace Chloe Hannah Lucy Amelia Mia Ella Anna Julia Laura Sarah Helen Rachel Emily "
             "Alice Clara Nora").split()
ENGLISH_M = ("James Oliver Thomas Daniel Michael David Samuel Henry Lucas Ethan Jack Adam Peter Mark Paul Simon "
             "Robert Leo Max Ryan").split()
ENGLISH_SURNAMES = ("Smith Brown Taylor Wilson Walker Clark Hall Young King Wright Green Baker Turner Hill Moore "
                    "Cooper Ward Hughes Price Bennett").split()
DOCTORS = ("Dr. Chen Hua", "Dr. Liu Ming", "Dr. Wang Jing", "Dr. Zhao Lei", "Dr. Sun Yan", "Dr. Zhou Bin",
           "Dr. Huang Li", "Dr. Wu Tao", "Dr. Xu Fang", "Dr. Ma Jun", "Dr. Lin Qian", "Dr. He Peng",
           "Dr. Gao Min", "Dr. Guo Wei", "Dr. Luo Yun", "Dr. Tang Hui", "Dr. Song Jie", "Dr. Han Xue",
           "Dr. Feng Chao", "Dr. Deng Ping")
CLINICS = ("City No.2 Hospital", "Riverside Community Health Centre", "Eastside Clinic", "University Hospital",
           "Xinhua District Hospital", "Greenway Family Practice")
RETURN_REASONS = ("customer changed mind", "bought the wrong size", "duplicate purchase", "unopened, not needed",
                  "packaging damaged", "wrong variant")


def build_catalog(rng: np.random.Generator) -> pd.DataFrame:
    """Expand :data:`FAMILIES` into products (variant × pack × maker), with prices, costs and popularity."""
    rows = []
    barcodes: set[str] = set()
    for family in FAMILIES:
        makers_pool = GOODS_MAKERS[family.category]
        makers = [str(m) for m in rng.choice(makers_pool, size=min(family.makers, len(makers_pool)), replace=False)]
        brand_owner = makers[0]         # the branded product's manufacturer (it makes a generic too)
        if family.brand:
            makers = [family.brand] + makers[: max(1, family.makers - 1)]
        variant_weight = 1.0 / (1.0 + rng.permutation(len(family.variants))) ** 1.3
        maker_weight = 1.0 / (1.0 + rng.permutation(len(makers))) ** 1.3
        ref_pack = family.packs[0][0]
        for vi, variant in enumerate(family.variants):
            for pi, (pack_size, days_supply, pack_label) in enumerate(family.packs):
                for mi, maker in enumerate(makers):
                    price = family.price * (1 + 0.28 * vi if family.generic else 1 + 0.05 * vi)
                    price *= (pack_size / ref_pack) ** 0.9 if pack_size != ref_pack else 1.0
                    if len(family.packs) > 1 and family.packs[0][0] == 1 and pi > 0:
                        price *= 1.8 + 0.2 * pi  # labelled size variants ("400 g" vs "800 g")
                    brand_factor = 1.45 if (family.brand and mi == 0) else float(rng.uniform(0.8, 1.1))
                    price_fen = max(100, int(round(price * brand_factor * 10)) * 10)
                    name = _product_name(family, variant, pack_label, maker, mi == 0 and bool(family.brand))
                    barcode = _barcode(rng, barcodes)
                    rows.append({
                        "family": family.key, "group": family.group, "category": family.category,
                        "legal_class": family.legal, "atc_code": family.atc, "generic_name": family.generic,
                        "name": name, "strength": variant if family.generic else None, "form": family.form, "pack_size": pack_size, "days_supply": days_supply,
                        "price": price_fen, "vat_rate_bp": family.vat,
                        "cost": int(round(price_fen * (1 - family.margin) * float(rng.uniform(0.94, 1.04)))),
                        "weight": family.weight * variant_weight[vi] * maker_weight[mi] * (1.0 if pi == 0 else 0.45)
                        * float(rng.lognormal(0, 1.3)),   # a long tail of slow sellers, as in any pharmacy
                        "shelf_min": family.shelf[0], "shelf_max": family.shelf[1], "supplier": family.supplier,
                        "barcode": barcode, "variant": variant, "maker": maker,
                        "manufacturer": brand_owner if family.brand and mi == 0 else maker,
                    })
    catalog = pd.DataFrame(rows)
    sleepers = rng.random(len(catalog)) < 0.1          # listed, but sells a few units a year
    catalog.loc[sleepers, "weight"] *= 0.04
    catalog["name"] = _dedupe(catalog["name"].tolist())
    return catalog


def _product_name(family: Family, variant: str, pack_label: str, maker: str, branded: bool) -> str:
    pack = f" {pack_label}" if pack_label != "×1" else ""
    if _CHINESE.match(family.title):       # a Chinese name says the form itself (颗粒, 胶囊, 口服液)
        return f"{family.title} {variant}{pack} ({maker})"
    if family.category in ("chronic", "acute", "otc"):
        body = f"{family.form} {variant}" if _SIZE.search(variant) else f"{variant} {family.form}"
        return f"{maker} {body}{pack}" if branded else f"{family.title} {body}{pack} ({maker})"
    return f"{maker} {family.title} {variant}{pack}"


def _barcode(rng: np.random.Generator, taken: set[str]) -> str:
    """A unique EAN-13 under the China GS1 prefix 690-699 with its mod-10 check digit."""
    while True:
        body = "69" + "".join(str(d) for d in rng.integers(0, 10, size=10))
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
        code = body + str((10 - total % 10) % 10)
        if code not in taken:
            taken.add(code)
            return code


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} #{seen[name]}")
    return out
