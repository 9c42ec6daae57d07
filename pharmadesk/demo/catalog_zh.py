"""The Chinese demo store's catalogue: the same product families as :mod:`pharmadesk.demo.catalog` (so the
simulation's missions, chronic therapies and categories work unchanged), with what a Chinese retail pharmacy's
product master holds: the 通用名 with its dosage form, brand names, manufacturers, 批准文号 in the forms
:mod:`pharmadesk.core.approval_numbers` accepts, 规格, 剂型, OTC 甲类 / 乙类, storage conditions (insulin and the
live probiotic in the cold chain), 医保编码 for insured items, the ephedrine-containing cold medicines and the
split packs (拆零) of antibiotics and common tablets.

The generic and brand names are real; the manufacturers, approval numbers, insurance codes and barcodes are
invented (they have the real forms). :func:`localize_catalog` is deterministic for its ``rng``.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from pharmadesk.core.catalog import NON_MEDICINE_CATEGORIES

# family key, 通用名 (or the goods' name), 剂型 ("-" for goods), the unit of the specification, brand ("-": none)
_TABLE = """
ramipril 雷米普利片 片剂 片 瑞泰
amlodipine 苯磺酸氨氯地平片 片剂 片 络活喜
bisoprolol 富马酸比索洛尔片 片剂 片 康忻
losartan 氯沙坦钾片 片剂 片 科素亚
valsartan 缬沙坦胶囊 胶囊剂 粒 代文
telmisartan 替米沙坦片 片剂 片 -
nifedipine 硝苯地平控释片 控释片 片 拜新同
metoprolol 琥珀酸美托洛尔缓释片 缓释片 片 倍他乐克
hctz 氢氯噻嗪片 片剂 片 -
indapamide 吲达帕胺缓释片 缓释片 片 -
perindopril 培哚普利叔丁胺片 片剂 片 -
candesartan 坎地沙坦酯片 片剂 片 -
amlo_valsartan 氨氯地平缬沙坦片 片剂 片 倍博特
atorvastatin 阿托伐他汀钙片 片剂 片 立普妥
rosuvastatin 瑞舒伐他汀钙片 片剂 片 可定
simvastatin 辛伐他汀片 片剂 片 -
ezetimibe 依折麦布片 片剂 片 益适纯
metformin 盐酸二甲双胍片 片剂 片 格华止
gliclazide 格列齐特缓释片 缓释片 片 达美康
glimepiride 格列美脲片 片剂 片 -
sitagliptin 磷酸西格列汀片 片剂 片 捷诺维
acarbose 阿卡波糖片 片剂 片 拜唐苹
dapagliflozin 达格列净片 片剂 片 安达唐
insulin_glargine 甘精胰岛素注射液 注射剂 支 来得时
levothyroxine 左甲状腺素钠片 片剂 片 优甲乐
salm_flut 沙美特罗替卡松吸入粉雾剂 吸入粉雾剂 盒 舒利迭
bud_form 布地奈德福莫特罗吸入粉雾剂 吸入粉雾剂 支 信必可
tiotropium 噻托溴铵粉雾剂 吸入粉雾剂 粒 思力华
montelukast 孟鲁司特钠片 片剂 片 顺尔宁
salbutamol 硫酸沙丁胺醇吸入气雾剂 气雾剂 瓶 万托林
clopidogrel 硫酸氢氯吡格雷片 片剂 片 波立维
aspirin_low 阿司匹林肠溶片 肠溶片 片 拜阿司匹灵
allopurinol 别嘌醇片 片剂 片 -
febuxostat 非布司他片 片剂 片 优立通
tamsulosin 盐酸坦索罗辛缓释胶囊 缓释胶囊 粒 哈乐
esomeprazole 艾司奥美拉唑镁肠溶片 肠溶片 片 耐信
alendronate 阿仑膦酸钠片 片剂 片 福善美
sertraline 盐酸舍曲林片 片剂 片 左洛复
escitalopram 草酸艾司西酞普兰片 片剂 片 来士普
amoxicillin 阿莫西林胶囊 胶囊剂 粒 -
amoxiclav 阿莫西林克拉维酸钾片 片剂 片 -
azithromycin 阿奇霉素片 片剂 片 希舒美
azithro_susp 阿奇霉素干混悬剂 干混悬剂 瓶 -
cefuroxime 头孢呋辛酯片 片剂 片 -
cefalexin 头孢氨苄胶囊 胶囊剂 粒 -
levofloxacin 左氧氟沙星片 片剂 片 可乐必妥
clarithromycin 克拉霉素片 片剂 片 -
metronidazole 甲硝唑片 片剂 片 -
nitrofurantoin 呋喃妥因肠溶片 肠溶片 片 -
oseltamivir 磷酸奥司他韦胶囊 胶囊剂 粒 达菲
oseltamivir_kids 磷酸奥司他韦颗粒 颗粒剂 袋 -
aciclovir_tab 阿昔洛韦片 片剂 片 -
prednisone 醋酸泼尼松片 片剂 片 -
fluconazole 氟康唑胶囊 胶囊剂 粒 -
levo_eye 左氧氟沙星滴眼液 滴眼剂 支 -
tramadol 盐酸曲马多片 片剂 片 -
tramadol_er 盐酸曲马多缓释片 缓释片 片 -
para_codeine 氨酚待因片 片剂 片 -
codeine_syrup 复方磷酸可待因口服溶液 口服溶液剂 瓶 -
zolpidem 酒石酸唑吡坦片 片剂 片 -
alprazolam 阿普唑仑片 片剂 片 -
paracetamol 对乙酰氨基酚片 片剂 片 -
paracetamol_kids 对乙酰氨基酚混悬滴剂 混悬剂 瓶 泰诺林
cold_combo 氨麻美敏片 片剂 片 -
dextromethorphan 氢溴酸右美沙芬糖浆 糖浆剂 瓶 -
guaifenesin 愈创甘油醚糖浆 糖浆剂 瓶 -
ambroxol 盐酸氨溴索片 片剂 片 沐舒坦
ambroxol_syrup 盐酸氨溴索口服溶液 口服溶液剂 瓶 -
acetylcysteine 乙酰半胱氨酸泡腾片 泡腾片 片 富露施
pseudoephedrine 复方盐酸伪麻黄碱缓释胶囊 缓释胶囊 粒 新康泰克
xylometazoline 盐酸赛洛唑啉鼻用喷雾剂 喷雾剂 支 -
oxymetazoline 盐酸羟甲唑啉喷雾剂 喷雾剂 支 -
saline_nasal 生理性海水鼻腔喷雾器 喷雾剂 支 -
vapour_rub 复方薄荷脑软膏 软膏剂 盒 -
lozenges 西地碘含片 含片 片 -
tcm_banlangen 板蓝根颗粒 颗粒剂 袋 -
tcm_ganmao 感冒清热颗粒 颗粒剂 袋 -
tcm_lianhua 连花清瘟胶囊 胶囊剂 粒 -
tcm_shuanghuanglian 双黄连口服液 合剂 支 -
tcm_loquat 枇杷止咳糖浆 糖浆剂 瓶 -
cetirizine 盐酸西替利嗪片 片剂 片 仙特明
cetirizine_syrup 盐酸西替利嗪口服溶液 口服溶液剂 瓶 -
loratadine 氯雷他定片 片剂 片 开瑞坦
loratadine_syrup 氯雷他定糖浆 糖浆剂 瓶 -
fexofenadine 盐酸非索非那定片 片剂 片 -
mometasone_nasal 糠酸莫米松鼻喷雾剂 喷雾剂 支 内舒拿
fluticasone_nasal 丙酸氟替卡松鼻喷雾剂 喷雾剂 支 辅舒良
budesonide_nasal 布地奈德鼻喷雾剂 喷雾剂 支 雷诺考特
olopatadine_eye 盐酸奥洛他定滴眼液 滴眼剂 支 帕坦洛
ketotifen_eye 富马酸酮替芬滴眼液 滴眼剂 支 -
cromoglicate_eye 色甘酸钠滴眼液 滴眼剂 支 -
ibuprofen 布洛芬片 片剂 片 -
ibuprofen_sr 布洛芬缓释胶囊 缓释胶囊 粒 芬必得
ibuprofen_kids 布洛芬混悬液 混悬剂 瓶 美林
aspirin 阿司匹林片 片剂 片 -
naproxen 萘普生片 片剂 片 -
para_caffeine 对乙酰氨基酚咖啡因片 片剂 片 -
diclofenac_gel 双氯芬酸二乙胺乳胶剂 凝胶剂 支 扶他林
ketoprofen_gel 酮洛芬凝胶 凝胶剂 支 -
pain_plaster 麝香止痛膏 贴膏剂 贴 -
loperamide 盐酸洛哌丁胺胶囊 胶囊剂 粒 易蒙停
smectite 蒙脱石散 散剂 袋 思密达
ors 口服补液盐散(Ⅲ) 散剂 袋 -
omeprazole_otc 奥美拉唑肠溶胶囊 肠溶胶囊 粒 -
famotidine 法莫替丁片 片剂 片 -
antacid 铝碳酸镁咀嚼片 咀嚼片 片 达喜
simethicone 西甲硅油咀嚼片 咀嚼片 片 -
domperidone 多潘立酮片 片剂 片 吗丁啉
lactulose 乳果糖口服溶液 口服溶液剂 瓶 杜密克
bisacodyl 比沙可啶肠溶片 肠溶片 片 -
glycerol_supp 甘油栓 栓剂 枚 -
probiotic 双歧杆菌三联活菌胶囊 胶囊剂 粒 培菲康
dimenhydrinate 茶苯海明片 片剂 片 -
hemorrhoid 马应龙麝香痔疮膏 软膏剂 支 -
clotrimazole 克霉唑乳膏 乳膏剂 支 -
miconazole 硝酸咪康唑乳膏 乳膏剂 支 达克宁
terbinafine 盐酸特比萘芬乳膏 乳膏剂 支 兰美抒
hydrocortisone 丁酸氢化可的松乳膏 乳膏剂 支 -
mupirocin 莫匹罗星软膏 软膏剂 支 百多邦
erythromycin_oint 红霉素软膏 软膏剂 支 -
aciclovir_cream 阿昔洛韦乳膏 乳膏剂 支 -
calamine 炉甘石洗剂 洗剂 瓶 -
povidone 聚维酮碘溶液 溶液剂 瓶 -
chlorhexidine 醋酸氯己定消毒湿巾 外用制剂 片 -
urea_cream 尿素乳膏 乳膏剂 支 -
benzoyl 过氧苯甲酰凝胶 凝胶剂 支 -
adapalene 阿达帕林凝胶 凝胶剂 支 达芙文
sulfadiazine 磺胺嘧啶银乳膏 乳膏剂 支 -
minoxidil 米诺地尔酊 酊剂 瓶 -
artificial_tears 羟丙甲纤维素滴眼液 滴眼剂 支 -
chloramphenicol_eye 氯霉素滴眼液 滴眼剂 支 -
mouth_ulcer 口腔溃疡散 散剂 瓶 -
ear_drops 碳酸氢钠滴耳液 滴耳剂 支 -
nicotine_gum 尼古丁咀嚼胶 咀嚼胶剂 片 -
levonorgestrel 左炔诺孕酮片 片剂 片 毓婷
vaginal_clotrimazole 克霉唑阴道片 阴道片 片 -
vitamin_c 维生素C片 - 片 -
vitc_gummies 儿童维生素C软糖 - 粒 -
multivitamin 多种维生素矿物质片 - 片 -
vitamin_d 维生素D3软胶囊 - 粒 -
calcium_d 碳酸钙维生素D3片 - 片 -
fish_oil 深海鱼油软胶囊 - 粒 -
b_complex 复合维生素B片 - 片 -
folic_acid 叶酸片 - 片 -
prenatal 孕妇多种维生素片 - 片 -
iron 富马酸亚铁补铁片 - 片 -
zinc 葡萄糖酸锌片 - 片 -
magnesium 柠檬酸镁片 - 片 -
glucosamine 氨糖软骨素片 - 片 -
coq10 辅酶Q10软胶囊 - 粒 -
lutein 叶黄素软胶囊 - 粒 -
collagen 胶原蛋白肽粉 - 罐 -
protein 乳清蛋白粉 - 罐 -
melatonin 褪黑素片 - 片 -
vitamin_e 天然维生素E软胶囊 - 粒 -
cod_liver 儿童鱼肝油软胶囊 - 粒 -
dha_kids 儿童藻油DHA软胶囊 - 粒 -
ginseng 西洋参片 - 盒 -
spirulina 螺旋藻片 - 片 -
formula_1 婴儿配方奶粉1段(0-6月龄) - 罐 -
formula_2 较大婴儿配方奶粉2段(6-12月龄) - 罐 -
formula_3 幼儿配方奶粉3段(12-36月龄) - 罐 -
formula_small 婴幼儿配方奶粉便携装 - 罐 -
diapers 婴儿纸尿裤 - 片 -
pullups 婴儿拉拉裤 - 片 -
wipes 婴儿湿巾 - 包 -
rash_cream 婴儿护臀膏 - 支 -
baby_lotion 婴儿润肤乳 - 瓶 -
baby_wash 婴儿洗发沐浴露 - 瓶 -
baby_oil 婴儿抚触油 - 瓶 -
bottles 宽口径玻璃奶瓶 - 个 -
teats 奶嘴 - 个 -
pacifier 安抚奶嘴 - 个 -
breast_pads 一次性防溢乳垫 - 片 -
nipple_cream 羊脂膏乳头霜 - 支 -
baby_saline 婴儿生理盐水滴鼻液 - 支 -
gripe_drops 婴儿西甲硅油滴剂 - 瓶 -
baby_vit_d 婴儿维生素D3滴剂 - 瓶 -
tissues 面巾纸 - 包 -
toothpaste 牙膏 - 支 -
toothbrush 牙刷 - 支 -
mouthwash 漱口水 - 瓶 -
floss 牙线 - 盒 -
shampoo 洗发水 - 瓶 -
cleanser 温和洁面乳 - 支 -
body_wash 沐浴露 - 瓶 -
hand_cream 护手霜 - 支 -
lip_balm 润唇膏 - 支 -
moisturizer 保湿霜 - 瓶 -
sunscreen 防晒霜 - 支 -
masks 一次性医用外科口罩 - 只 -
kn95 KN95防护口罩 - 只 -
sanitizer 免洗洗手凝胶 - 瓶 -
cotton 化妆棉和棉签 - 片 -
pads 卫生巾 - 片 -
condoms 避孕套 - 只 -
lens_solution 隐形眼镜护理液 - 瓶 -
insect 驱蚊液 - 瓶 -
heat_patch 暖宝宝贴 - 片 -
razors 一次性剃须刀 - 把 -
deodorant 止汗露 - 瓶 -
earplugs 睡眠眼罩耳塞套装 - 套 -
thermometer 电子体温计 - 支 -
bp_monitor 电子血压计 - 台 -
glucose_meter 血糖仪 - 台 -
test_strips 血糖试纸 - 条 -
lancets 一次性采血针 - 支 -
pen_needles 胰岛素笔用针头 - 支 -
oximeter 指夹式脉搏血氧仪 - 台 -
nebulizer 压缩式雾化器 - 台 -
pregnancy_test 早孕检测试纸 - 条 -
ovulation_test 排卵检测试纸 - 条 -
antigen_test 甲乙流新冠抗原检测试剂盒 - 人份 -
bandage 弹力绷带 - 卷 -
gauze 医用无菌纱布块 - 片 -
plasters 创可贴 - 片 -
medical_tape 医用胶带 - 卷 -
pill_box 一周药盒 - 个 -
knee_brace 医用护膝 - 只 -
hot_water_bottle 热水袋 - 个 -
cold_pack 医用冰袋 - 个 -
"""
FAMILIES_ZH = {key: (title, None if form == "-" else form, unit, None if brand == "-" else brand)
               for key, title, form, unit, brand in (line.split() for line in _TABLE.strip().splitlines())}

# The English makers of the demo catalogue and the (invented) Chinese companies that stand for them.
MAKERS_ZH = {
    "Kangda": "江苏康达制药有限公司", "Huaxin": "华信药业（天津）有限公司", "Meridian": "子午制药（上海）有限公司",
    "Northbridge": "北桥医药股份有限公司", "Yongsheng": "永盛制药股份有限公司", "Baihe": "百合药业有限公司",
    "Lumen": "明辉制药有限公司", "Tianrui": "天瑞药业集团有限公司", "Jinling": "金陵康健药业有限公司",
    "Sunvale": "阳谷制药有限公司",
    "VitaPeak": "维峰健康科技有限公司", "NutriLife": "纽崔生物科技有限公司", "Harvest Gold": "金穗营养品有限公司",
    "Oceanic": "海洋生物制品有限公司", "Sunrise Health": "旭日保健品有限公司",
    "Little Sprout": "小芽母婴用品有限公司", "Bebeland": "贝贝乐婴童用品有限公司", "Tinystep": "小步婴儿用品有限公司",
    "Moonbaby": "月亮宝贝日用品有限公司",
    "Softcloud": "柔云纸业有限公司", "Pureleaf": "纯叶日化有限公司", "Dentiva": "洁齿口腔护理用品有限公司",
    "Aquamist": "水雾日化有限公司", "Clearday": "晴日个人护理用品有限公司",
    "Thermia": "康温医疗器械有限公司", "Cardiotrack": "心迹医疗科技有限公司", "GlucoSure": "糖安医疗器械有限公司",
    "Medilite": "明医医疗器械有限公司",
}
# Each maker's province, for a device's registration number (苏械注准...) or filing number (苏苏械备...).
_MAKER_PROVINCE = {"Thermia": "苏", "Cardiotrack": "粤", "GlucoSure": "浙", "Medilite": "京"}

VARIANTS_ZH = {
    "day": "日片", "day & night": "日夜片", "honey & lemon": "蜂蜜柠檬味", "orange": "橙味", "strawberry": "草莓味",
    "sugar free": "无糖型", "lemon": "柠檬味", "mint": "薄荷味", "Bifidobacterium": "210mg",
    "0.05% children": "0.05%（儿童）", "single-dose 0.5 ml x 20": "0.5ml×20支（单剂量）",
    "500 mg tablets": "500mg", "1000 mg effervescent": "1000mg泡腾片", "Men": "男士型", "Women": "女士型",
    "50+": "中老年型", "Kids chewable": "儿童咀嚼型", "tablets": "标准型", "with DHA": "含DHA",
    "ferrous fumarate 200 mg": "200mg", "zinc gluconate 10 mg": "10mg", "1500 mg + chondroitin": "1500mg+软骨素",
    "powder": "粉剂", "vanilla": "香草味", "chocolate": "巧克力味", "algal oil": "藻油", "slices": "切片",
    "Stage 1": "1段", "Stage 2": "2段", "Stage 3": "3段", "fragrance free": "无香型", "zinc oxide": "氧化锌",
    "gentle": "温和型", "tear free": "无泪配方", "natural": "天然型", "slow flow": "慢流量", "medium flow": "中流量",
    "0-6 m": "0-6月", "6-18 m": "6-18月", "ultra thin": "超薄", "lanolin": "羊脂", "simeticone": "西甲硅油",
    "3-ply pocket packs": "三层手帕纸", "2-ply box": "双层抽纸", "sensitive": "抗敏感", "whitening": "美白",
    "herbal": "草本", "kids": "儿童", "soft": "软毛", "medium": "中毛", "alcohol free": "无酒精",
    "waxed mint": "含蜡薄荷", "anti-dandruff": "去屑", "sensitive skin": "敏感肌", "urea 5%": "尿素5%",
    "shea": "乳木果", "original": "原味", "SPF 15": "SPF15", "dry skin": "干性肌肤", "adult": "成人",
    "75% alcohol": "75%酒精", "pads": "化妆棉", "buds": "棉签", "night": "夜用", "liners": "护垫",
    "multi-purpose": "多功能", "DEET 15%": "避蚊胺15%", "kids picaridin": "儿童派卡瑞丁", "body": "身体用",
    "3-blade": "三层刀片", "roll-on": "走珠", "set": "套装", "stick": "棒式", "flexible tip": "软头",
    "infrared forehead": "红外额温", "upper arm": "上臂式", "wrist": "腕式", "starter kit": "套装",
    "for GlucoSure meters": "糖安血糖仪用", "for Medilite meters": "明医血糖仪用", "standard": "标准型",
    "home": "家用", "midstream": "笔式", "nasal swab": "鼻拭子", "assorted": "混合装", "waterproof": "防水型",
    "paper 2.5 cm": "纸质2.5cm", "7 day": "7天", "7 day AM/PM": "7天早晚", "single": "单只",
    "kids SPF 50": "儿童SPF50", "SPF 30": "SPF30", "SPF 50+": "SPF50+", "4 mm 32G": "4mm 32G",
    "10 x 10 cm": "10cm×10cm", "7 x 10 cm": "7cm×10cm", "LH": "LH", "3 ml": "3ml:300单位",
}
_PACK_WORDS = {"80 wipes": "80片", "3 x 80 wipes": "80片×3包"}

# The rules of the Chinese master, by family.
OTC_CLASS_A = {"cold_combo", "pseudoephedrine", "ibuprofen", "ibuprofen_sr", "loperamide", "domperidone",
               "omeprazole_otc", "famotidine", "levonorgestrel", "nicotine_gum", "minoxidil", "cetirizine",
               "loratadine", "fexofenadine", "mometasone_nasal", "budesonide_nasal", "fluticasone_nasal",
               "dextromethorphan", "acetylcysteine", "naproxen", "aspirin", "para_caffeine", "xylometazoline",
               "oxymetazoline", "vaginal_clotrimazole", "adapalene", "ketotifen_eye", "olopatadine_eye"}
COLD_CHAIN = {"insulin_glargine", "probiotic"}                         # 冷藏 2–8 °C
COOL = {"glycerol_supp", "hemorrhoid", "levo_eye", "olopatadine_eye", "ketotifen_eye", "cromoglicate_eye",
        "artificial_tears", "chloramphenicol_eye", "tcm_shuanghuanglian", "tcm_loquat", "tcm_lianhua",
        "tcm_banlangen", "tcm_ganmao", "azithro_susp", "amoxiclav", "lactulose", "ear_drops", "salm_flut",
        "bud_form", "pain_plaster", "mouth_ulcer", "oseltamivir_kids", "paracetamol_kids", "ibuprofen_kids"}
EPHEDRINE = {"cold_combo", "pseudoephedrine"}                          # 含麻黄碱类复方制剂
SPLIT_PACKS = {"amoxicillin": 1.15, "cefalexin": 1.15, "azithromycin": 1.1, "metronidazole": 1.2,
               "levofloxacin": 1.1, "aciclovir_tab": 1.15, "prednisone": 1.2, "paracetamol": 1.2,
               "ibuprofen": 1.2, "loratadine": 1.15, "cetirizine": 1.15, "amlodipine": 1.1}   # markup per unit
IMPORTED = {"salm_flut", "bud_form", "tiotropium"}                    # 国药准字J: imported, packed in China
BIOLOGICAL = {"insulin_glargine", "probiotic"}                        # 国药准字S
DEVICE_FILING = {"bandage", "gauze", "plasters", "medical_tape", "pill_box", "knee_brace", "hot_water_bottle",
                 "cold_pack"}                                          # class I devices: a filing number (械备)
_MG = re.compile(r"^(\d+(?:\.\d+)?)\s*mg$")


def strength_zh(text: str) -> str:
    """'250 mg' -> '0.25g' (a Chinese label writes 100 mg and more in grams), '5 mg' -> '5mg', '100 mcg' ->
    '100μg', other words from :data:`VARIANTS_ZH`; spaces dropped."""
    if text in VARIANTS_ZH:
        return VARIANTS_ZH[text]
    match = _MG.match(text)
    if match and float(match[1]) >= 100:
        grams = float(match[1]) / 1000
        return f"{grams:g}g"
    return text.replace("mcg", "μg").replace(" ", "")


def specification(variant: str, pack_label: str, unit: str) -> str:
    """规格 of one product: '0.25g×24粒', '5ml×1支', '120mg/5ml，100ml'."""
    strength = strength_zh(variant)
    if pack_label.startswith("×"):
        return f"{strength}×{pack_label[1:]}{unit}"
    return f"{strength}，{_PACK_WORDS.get(pack_label, pack_label.replace(' ', ''))}"


def _short(company: str) -> str:
    """A company's short name as a shelf label prints it: '江苏康达制药有限公司' -> '康达'."""
    name = company[2:] if company[:2] in ("江苏",) else company
    return name[:2]


def _approval_number(family, category: str, rng: np.random.Generator, maker: str) -> str | None:
    digits = "".join(str(d) for d in rng.integers(0, 10, 6))
    if category == "device":
        province = _MAKER_PROVINCE.get(maker, "苏")
        if family in DEVICE_FILING:
            return f"{province}{province}械备20{rng.integers(15, 25)}{digits[:4]}号"
        return f"{province if rng.random() < 0.5 else '国'}械注准20{rng.integers(15, 25)}2{rng.integers(10, 99)}" \
               f"{digits[:4]}"
    if category == "supplement":
        return f"国食健注G20{rng.integers(10, 25)}{digits[:4]}"
    if category in NON_MEDICINE_CATEGORIES:
        return None
    letter = "S" if family in BIOLOGICAL else "J" if family in IMPORTED else \
        "Z" if family.startswith("tcm_") or family in ("pain_plaster", "hemorrhoid", "mouth_ulcer") else "H"
    return f"国药准字{letter}{rng.choice(('10', '11', '19', '20'))}{digits}"


def _insurance_code(row: dict, letter: str, serial: int, rng: np.random.Generator) -> str:
    """A 23-character national insurance code in the NHSA form: X (Western) or Z (Chinese medicine), the ATC
    class, the product's serial and the maker's part."""
    atc = (row["atc_code"] if isinstance(row["atc_code"], str) else "ZA04A")[:5].ljust(5, "A")
    tail = "".join(str(d) for d in rng.integers(0, 10, 12))
    return f"{'Z' if letter == 'Z' else 'X'}{atc}{chr(65 + serial % 26)}{serial % 1000:03d}A{tail}"


def localize_catalog(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The demo catalogue ``frame`` (from :func:`pharmadesk.demo.catalog.build_catalog`) as a Chinese pharmacy
    lists it: Chinese names, generic names, dosage forms, manufacturers and every master field. Rows, families,
    groups, prices and weights are unchanged, so the simulation runs on it as it does on the English one."""
    out = frame.copy()
    first_maker = out.groupby("family", sort=False)["maker"].first().to_dict()
    names, generics, forms, strengths, makers, numbers, specs = [], [], [], [], [], [], []
    otc, storage, insurance, ephedrine, split_units, split_names, split_prices = [], [], [], [], [], [], []
    approvals: dict[tuple, str | None] = {}
    for serial, row in enumerate(out.to_dict("records")):
        family = row["family"]
        title, form, unit, brand = FAMILIES_ZH[family]
        pack_label = _pack_label(row)
        spec = specification(row["variant"], pack_label, unit)
        company = MAKERS_ZH[row["manufacturer"]]
        medicine = row["category"] not in NON_MEDICINE_CATEGORIES
        branded = brand is not None and row["maker"] == first_maker[family]
        if medicine:
            name = f"{brand} {title} {spec}" if branded else f"{title} {spec}（{_short(company)}）"
        else:
            name = f"{_short(company)}{title} {spec}"
        approval_key = (family, row["variant"], row["manufacturer"])     # one number for every pack size
        if approval_key not in approvals:
            approvals[approval_key] = _approval_number(family, row["category"], rng, row["manufacturer"])
        number = approvals[approval_key]
        names.append(name)
        generics.append(title if medicine else None)
        forms.append(form)
        strengths.append(strength_zh(row["strength"]) if isinstance(row["strength"], str) else None)
        makers.append(company)
        numbers.append(number)
        specs.append(spec)
        otc.append(("a" if family in OTC_CLASS_A else "b") if medicine and row["legal_class"] == "otc" else None)
        storage.append("cold" if family in COLD_CHAIN else "cool" if family in COOL else "ambient")
        insured = medicine and (row["legal_class"] != "otc" or rng.random() < 0.6)
        letter = number[4] if number and number.startswith("国药准字") else "H"
        insurance.append(_insurance_code(row, letter, serial, rng) if insured else None)
        ephedrine.append(1 if family in EPHEDRINE else 0)
        units = int(row["pack_size"]) if family in SPLIT_PACKS and pack_label.startswith("×") else 0
        split_units.append(units if units >= 2 else None)
        split_names.append(unit if units >= 2 else None)
        split_prices.append(int(math.ceil(row["price"] / units * SPLIT_PACKS[family] / 10)) * 10 if units >= 2
                            else None)
    out["name"] = _dedupe(names)
    out["generic_name"], out["form"], out["strength"], out["manufacturer"] = generics, forms, strengths, makers
    out["authorisation_holder"], out["approval_number"], out["specification"] = makers, numbers, specs
    out["otc_class"], out["storage_condition"], out["insurance_code"] = otc, storage, insurance
    out["contains_ephedrine"], out["split_units"], out["split_unit_name"] = ephedrine, split_units, split_names
    out["split_unit_price"] = split_prices
    return out


def _pack_label(row: dict) -> str:
    """The pack's label as the family wrote it ('×24', '100 ml'), recovered from the English product's name."""
    from pharmadesk.demo.catalog import FAMILIES

    family = next(f for f in FAMILIES if f.key == row["family"])
    for size, _days, label in family.packs:
        if size == row["pack_size"] and (label.startswith("×") or label in row["name"]):
            return label
    return family.packs[0][2]


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} #{seen[name]}")
    return out


# -- the Chinese store's people and words ------------------------------------------------------------------------
STORE_NAME = "康宁大药房（滨江店）"
# The demo's wholesalers (keys of pharmadesk.demo.catalog.SUPPLIERS) by their Chinese names.
SUPPLIER_NAMES = {
    "chronic": "华东医药配送有限公司", "chronic2": "滨江医药物流有限公司", "acute_rx": "江南医药供应有限公司",
    "controlled": "省特殊药品经营公司", "otc": "康源非处方药批发有限公司", "tcm": "同心中药饮片有限公司",
    "skin": "东方皮肤眼科用药供应有限公司", "supplement": "绿谷营养品有限公司", "baby": "小芽母婴用品批发有限公司",
    "personal": "纯生活日用品有限公司", "device": "医科器械有限公司",
}
STORE_ADDRESS = "浙江省杭州市滨江区江南大道1088号"
USER_NAMES = {"owner": "王丽华（店长）", "pharmacist": "李建国（执业药师）", "cashier": "张晓梅（营业员）"}
# As many prescribers and clinics as the English tables: the visit schedules pick them by index.
DOCTORS = ("陈华医生", "刘明医生", "王静医生", "赵磊医生", "孙艳医生", "周斌医生", "黄丽医生", "吴涛医生",
           "徐芳医生", "马军医生", "林倩医生", "何鹏医生", "高敏医生", "郭伟医生", "罗云医生", "唐慧医生",
           "宋杰医生", "韩雪医生", "冯超医生", "邓平医生")
CLINICS = ("杭州市第二人民医院", "滨江区社区卫生服务中心", "西兴街道社区卫生服务站", "浙江大学医学院附属医院",
           "长河镇卫生院", "江南家庭医生诊所")
RETURN_REASONS = ("顾客改变主意", "买错规格", "重复购买", "未开封，不再需要", "包装破损", "买错品种")
ALLERGIES = ("青霉素", "磺胺类", "阿司匹林", "可待因", "碘", "乳胶")
