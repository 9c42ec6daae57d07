<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>PySide6</source>
        <translation>PySide6</translation>
    </message>
    <message>
        <source>SQLCipher</source>
        <translation>SQLCipher</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Store id</source>
        <translation>门店编号</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <source>About PharmaDesk</source>
        <translation>关于 PharmaDesk</translation>
    </message>
    <message>
        <source>PharmaDesk {0}</source>
        <translation>PharmaDesk {0}</translation>
    </message>
    <message>
        <source>Till, stock, members and offline analytics for one pharmacy store.</source>
        <translation>为单家药店提供收银、库存、会员管理和离线数据分析。</translation>
    </message>
    <message>
        <source>Licence: proprietary. © PharmaDesk. All rights reserved.</source>
        <translation>许可：专有软件。© PharmaDesk。保留所有权利。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>AcceptanceTab</name>
    <message>
        <source>Product</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收货单</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>储存条件</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待验收</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <source>e.g. packaging intact, labels legible</source>
        <translation>例如：包装完好，标签清晰</translation>
    </message>
    <message>
        <source>Arrival &amp;temperature</source>
        <translation>到货温度(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Record acceptance</source>
        <translation>记录验收(&amp;R)</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>验收员</translation>
    </message>
    <message>
        <source>&amp;Conclusion</source>
        <translation>验收结论(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quantity checked</source>
        <translation>抽检数量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Received goods awaiting acceptance: not sellable until accepted.</source>
        <translation>待验收的到货：验收合格前不可销售。</translation>
    </message>
    <message>
        <source>Choose a receipt line first.</source>
        <translation>请先选择一条收货记录。</translation>
    </message>
    <message>
        <source>{0} (batch {1}): {2}.</source>
        <translation>{0}（批号 {1}）：{2}。</translation>
    </message>
</context>
<context>
    <name>AdjustTab</name>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收数量</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Adjust…</source>
        <translation>调整…</translation>
    </message>
    <message>
        <source>Write off…</source>
        <translation>报损…</translation>
    </message>
    <message>
        <source>Recent movements</source>
        <translation>最近库存变动</translation>
    </message>
    <message>
        <source>{0}: {1} on hand</source>
        <translation>{0}：库存 {1}</translation>
    </message>
    <message>
        <source>Choose a batch first.</source>
        <translation>请先选择批号。</translation>
    </message>
    <message>
        <source>Stock changed.</source>
        <translation>库存已更改。</translation>
    </message>
</context>
<context>
    <name>AdrDialog</name>
    <message>
        <source>Adverse drug reaction report</source>
        <translation>药品不良反应报告</translation>
    </message>
    <message>
        <source>What happened (e.g. rash on both arms, dizziness)</source>
        <translation>不良反应表现（如双臂皮疹、头晕）</translation>
    </message>
    <message>
        <source>dose, route, how often, since when</source>
        <translation>剂量、给药途径、频次、起始时间</translation>
    </message>
    <message>
        <source>Course and handling: stopped, treated, referred</source>
        <translation>经过及处理：停药、治疗、转诊</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>walk-in customer</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Suspect product</source>
        <translation>可疑药品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <source>Onset date</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Seriousness</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>转归</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用法用量</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>(batch not known)</source>
        <translation>（批号不详）</translation>
    </message>
    <message>
        <source>ADR report recorded. The batch is held in quarantine (Quality page) until a pharmacist releases or disposes of it.</source>
        <translation>已记录不良反应报告。该批号已移入不合格药品区（“质量”页面），待药师放行或处理后方可销售。</translation>
    </message>
    <message>
        <source>ADR report recorded.</source>
        <translation>已记录不良反应报告。</translation>
    </message>
</context>
<context>
    <name>AdrFormWriter</name>
    <message>
        <source>Adverse drug reaction / event report %1</source>
        <translation>药品不良反应/事件报告表 %1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新的</translation>
    </message>
    <message>
        <source>pharmacy (distributor)</source>
        <translation>经营企业（药店）</translation>
    </message>
    <message>
        <source>Adverse drug reaction / event report</source>
        <translation>药品不良反应/事件报告表</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>报告编码</translation>
    </message>
    <message>
        <source>Signature of the reporter</source>
        <translation>报告人签名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Report type</source>
        <translation>报告类型</translation>
    </message>
    <message>
        <source>Reporting unit</source>
        <translation>报告单位</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <source>walk-in customer (name on the paper form)</source>
        <translation>散客（姓名见纸质表）</translation>
    </message>
    <message>
        <source>Sex / birth date</source>
        <translation>性别 / 出生日期</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Known allergies</source>
        <translation>既往过敏史</translation>
    </message>
    <message>
        <source>Suspect medicine (brand / generic name)</source>
        <translation>怀疑药品（商品名 / 通用名）</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>批准文号</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>生产厂家</translation>
    </message>
    <message>
        <source>Batch number / expiry</source>
        <translation>生产批号 / 有效期</translation>
    </message>
    <message>
        <source>Dose, route, frequency, dates taken</source>
        <translation>用法用量及用药起止时间</translation>
    </message>
    <message>
        <source>Adverse reaction</source>
        <translation>不良反应/事件名称</translation>
    </message>
    <message>
        <source>Onset date</source>
        <translation>不良反应发生时间</translation>
    </message>
    <message>
        <source>Course and handling</source>
        <translation>不良反应过程描述及处理情况</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>不良反应结果</translation>
    </message>
    <message>
        <source>Batch put on quality hold</source>
        <translation>该批号已暂停销售</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Reporter (name, title)</source>
        <translation>报告人（姓名、职务）</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>报告日期</translation>
    </message>
</context>
<context>
    <name>AnalyticsPane</name>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>表 %1</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>ApprovalBox</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approval needed</source>
        <translation>需要批准</translation>
    </message>
    <message>
        <source>A colleague who may {0} approves this sale:</source>
        <translation>请有权限{0}的同事批准这笔销售：</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
</context>
<context>
    <name>ApproveSupplierDialog</name>
    <message>
        <source>Approve a first-time supplier</source>
        <translation>首营企业审批</translation>
    </message>
    <message>
        <source>&amp;Supplier</source>
        <translation>供货单位(&amp;S)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Every supplier is approved already.</source>
        <translation>所有供货单位均已审批。</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Follow-up call</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <source>How they are getting on, side effects, questions</source>
        <translation>用药情况、不良反应、疑问</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Start campaign</source>
        <translation>开始营销活动</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>营销活动：%1</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客群</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Holdout group</source>
        <translation>对照组</translation>
    </message>
</context>
<context>
    <name>CampaignsPane</name>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客群</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已触达</translation>
    </message>
    <message>
        <source>Held out</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>Uplift</source>
        <translation>提升</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Campaigns as of %1</source>
        <translation>截至 %1 的营销活动</translation>
    </message>
    <message>
        <source>No campaign yet. Start one from the Segments page.</source>
        <translation>还没有营销活动。请从“客群”页面开始。</translation>
    </message>
    <message>
        <source> (the window is still running)</source>
        <translation>（活动期尚未结束）</translation>
    </message>
    <message>
        <source>n/a (no cost)</source>
        <translation>不适用（无成本）</translation>
    </message>
    <message>
        <source>Converted: %1 of %2 contacted (%3), %4 of %5 held out (%6). Uplift %7, 95 % interval %8 to %9%10. Revenue: contacted %11, held out %12, incremental %13. Cost %14, ROI %15.</source>
        <translation>转化：已触达 %2 人中 %1 人（%3），对照组 %5 人中 %4 人（%6）。提升 %7，95% 区间 %8 至 %9%10。收入：已触达 %11，对照 %12，增量 %13。成本 %14，投资回报率 %15。</translation>
    </message>
    <message>
        <source>contacted</source>
        <translation>已触达</translation>
    </message>
    <message>
        <source>held out</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>uplift (95 % CI)</source>
        <translation>提升（95% 置信区间）</translation>
    </message>
    <message>
        <source>converted (%)</source>
        <translation>转化率（%）</translation>
    </message>
</context>
<context>
    <name>CarePane</name>
    <message>
        <source>All reminders</source>
        <translation>全部提醒</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Record the outcome: 1 called, 2 no answer, 3 refilled, 4 declined</source>
        <translation>记录结果：1 已致电，2 无人接听，3 已续药，4 已拒绝</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Care worklist</source>
        <translation>关怀工作清单</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Care worklist for %1</source>
        <translation>%1 的关怀工作清单</translation>
    </message>
    <message>
        <source>%1 reminders today (%2); %3 recorded.</source>
        <translation>今日 %1 条提醒（%2）；已记录 %3 条。</translation>
    </message>
    <message>
        <source>care calls</source>
        <translation>关怀回访</translation>
    </message>
    <message>
        <source>offers</source>
        <translation>优惠信息</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No reminders issued yet: conversion appears here once outcomes are recorded.</source>
        <translation>尚未发出提醒：记录结果后，这里会显示转化率。</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>refilled within 7 days</source>
        <translation>7 天内续药</translation>
    </message>
    <message>
        <source>reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Reminder conversion per month</source>
        <translation>每月提醒转化率</translation>
    </message>
    <message>
        <source>Select a reminder first.</source>
        <translation>请先选择一条提醒。</translation>
    </message>
    <message>
        <source>Recorded: %1.</source>
        <translation>已记录：%1。</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <source> [Rx]</source>
        <translation> [处方]</translation>
    </message>
    <message>
        <source>Batch {0}</source>
        <translation>批号 {0}</translation>
    </message>
    <message>
        <source>by the unit</source>
        <translation>拆零</translation>
    </message>
    <message>
        <source>Codes {0}/{1}</source>
        <translation>追溯码 {0}/{1}</translation>
    </message>
    <message>
        <source>Traceability codes: {0}</source>
        <translation>追溯码：{0}</translation>
    </message>
    <message>
        <source>Prescription {0} by {1}</source>
        <translation>处方 {0}，开方医生 {1}</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>折扣</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <source>Filter: name, generic name or barcode</source>
        <translation>筛选：名称、通用名或条码</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>新建商品…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Generic</source>
        <translation>通用名</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>生产厂家</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>批准文号</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Near expiry</source>
        <translation>近效期</translation>
    </message>
    <message>
        <source>Product added.</source>
        <translation>商品已添加。</translation>
    </message>
    <message>
        <source>Product saved.</source>
        <translation>商品已保存。</translation>
    </message>
</context>
<context>
    <name>CloseRecordDialog</name>
    <message>
        <source>Close the record</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理经过</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
</context>
<context>
    <name>CouponDialog</name>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Type or scan the coupon&apos;s code:</source>
        <translation>输入或扫描优惠券券码：</translation>
    </message>
    <message>
        <source>In this sale: {0}</source>
        <translation>本单已有：{0}</translation>
    </message>
    <message>
        <source>&amp;Take the coupons off</source>
        <translation>取消优惠券(&amp;T)</translation>
    </message>
    <message>
        <source>Type the coupon&apos;s code.</source>
        <translation>请输入优惠券券码。</translation>
    </message>
</context>
<context>
    <name>CouponsPanel</name>
    <message>
        <source>redeemed</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>to a campaign&apos;s target group</source>
        <translation>发给营销活动的目标组</translation>
    </message>
    <message>
        <source>as printed codes</source>
        <translation>生成打印券码</translation>
    </message>
    <message>
        <source>&amp;Issue coupons</source>
        <translation>发券(&amp;I)</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Cancel code…</source>
        <translation>作废券码(&amp;C)…</translation>
    </message>
    <message>
        <source>Res&amp;tore used code…</source>
        <translation>恢复已用券码(&amp;T)…</translation>
    </message>
    <message>
        <source>E&amp;xport list for SMS/WeChat…</source>
        <translation>导出短信/微信名单(&amp;X)…</translation>
    </message>
    <message>
        <source>%1 (%2 contacted)</source>
        <translation>%1（已联系 %2 人）</translation>
    </message>
    <message>
        <source>Coupons belong to a coupon promotion: choose one in the list.</source>
        <translation>优惠券属于优惠券类促销：请在列表中选择一个。</translation>
    </message>
    <message>
        <source>Issued %1 · redeemed %2 · expired %3 · open %4 · cancelled %5</source>
        <translation>已发放 %1 · 已核销 %2 · 已过期 %3 · 未使用 %4 · 已作废 %5</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>There is no campaign yet. Start one from the Segments page.</source>
        <translation>还没有营销活动。请在“客群”页面发起一个。</translation>
    </message>
    <message>
        <source>Issued %1.</source>
        <translation>已发放 %1 张。</translation>
    </message>
    <message>
        <source>Left out %1 without marketing consent.</source>
        <translation>%1 人未同意接收营销信息，未发放。</translation>
    </message>
    <message>
        <source>%1 already held an open coupon.</source>
        <translation>%1 人已持有未使用的优惠券。</translation>
    </message>
    <message>
        <source>Export coupon list</source>
        <translation>导出优惠券名单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>%1 coupons written to %2.</source>
        <translation>已将 %1 张优惠券写入 %2。</translation>
    </message>
    <message>
        <source>Cancel coupon</source>
        <translation>作废优惠券</translation>
    </message>
    <message>
        <source>Cancel coupon %1 for good? It can no longer be used.</source>
        <translation>永久作废优惠券 %1？作废后将无法使用。</translation>
    </message>
    <message>
        <source>Coupon %1 cancelled.</source>
        <translation>优惠券 %1 已作废。</translation>
    </message>
    <message>
        <source>Restore coupon</source>
        <translation>恢复优惠券</translation>
    </message>
    <message>
        <source>Give used coupon %1 back so it can be used again?</source>
        <translation>恢复已使用的优惠券 %1，使其可以再次使用？</translation>
    </message>
    <message>
        <source>Coupon %1 restored.</source>
        <translation>优惠券 %1 已恢复。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong. Your current sale is kept.

What to do: press Continue and carry on. If it happens again, finish or park the sale, close PharmaDesk and start it again, and send the log to your support contact.

The log is at {0}</source>
        <translation>出了点问题。您当前的销售已保留。

怎么办：按“继续”接着工作。如果再次发生，请完成或挂起这笔销售，关闭 PharmaDesk 后重新启动，并把日志发给您的技术支持联系人。

日志位于 {0}</translation>
    </message>
    <message>
        <source>PharmaDesk — something went wrong</source>
        <translation>PharmaDesk — 出了点问题</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <source>Dashboard</source>
        <translation>经营概览</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Click a category bar to see its top products.</source>
        <translation>点击类别柱形查看其热销商品。</translation>
    </message>
    <message>
        <source>Top 10 products by revenue</source>
        <translation>收入前 10 的商品</translation>
    </message>
    <message>
        <source>Bottom 10 products by revenue</source>
        <translation>收入后 10 的商品</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Dashboard: %1 – %2</source>
        <translation>经营概览：%1 – %2</translation>
    </message>
    <message>
        <source>previous: %1</source>
        <translation>上期：%1</translation>
    </message>
    <message>
        <source>change: –</source>
        <translation>变化：–</translation>
    </message>
    <message>
        <source>change: %1 %</source>
        <translation>变化：%1%</translation>
    </message>
    <message>
        <source>daily sales</source>
        <translation>每日销售额</translation>
    </message>
    <message>
        <source>7-day moving average</source>
        <translation>7 日移动平均</translation>
    </message>
    <message>
        <source>Daily sales</source>
        <translation>每日销售额</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Transactions by hour and weekday</source>
        <translation>按小时和星期的交易笔数</translation>
    </message>
    <message>
        <source>No sales in this period.</source>
        <translation>本期无销售。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Category mix (click a bar)</source>
        <translation>品类构成（点击柱形）</translation>
    </message>
    <message>
        <source>Top products in %1</source>
        <translation>%1 的热销商品</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Top 10</source>
        <translation>前 10</translation>
    </message>
    <message>
        <source>Bottom 10</source>
        <translation>后 10</translation>
    </message>
    <message>
        <source>Category mix</source>
        <translation>品类构成</translation>
    </message>
    <message>
        <source>Top in %1</source>
        <translation>%1 热销</translation>
    </message>
</context>
<context>
    <name>DayCloseConfirmation</name>
    <message>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>开班备用金</translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation>现金收入</translation>
    </message>
    <message>
        <source>Cash refunded</source>
        <translation>现金退款</translation>
    </message>
    <message>
        <source>Expected cash in the drawer</source>
        <translation>钱箱应有现金</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Takings by payment method</source>
        <translation>按支付方式汇总</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>{0} sales, net {1}.</source>
        <translation>共 {0} 笔销售，净额 {1}。</translation>
    </message>
    <message>
        <source>Close the day? This cannot be undone.</source>
        <translation>确认日结？此操作不可撤销。</translation>
    </message>
    <message>
        <source>&amp;Close the day</source>
        <translation>日结(&amp;C)</translation>
    </message>
    <message>
        <source>{0} short</source>
        <translation>短款 {0}</translation>
    </message>
    <message>
        <source>{0} over</source>
        <translation>长款 {0}</translation>
    </message>
    <message>
        <source>{0} (the cash balances)</source>
        <translation>{0}（现金相符）</translation>
    </message>
</context>
<context>
    <name>DayClosePage</name>
    <message>
        <source>Opening float</source>
        <translation>开班备用金</translation>
    </message>
    <message>
        <source>Show &amp;X report</source>
        <translation>查看 X 报表(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Close the day (Z report)</source>
        <translation>日结（Z 报表）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>opening float</source>
        <translation>开班备用金</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {0}</source>
        <translation>无法保存 PDF：{0}</translation>
    </message>
    <message>
        <source>{0} saved as {1}</source>
        <translation>{0} 已保存为 {1}</translation>
    </message>
    <message>
        <source>counted cash</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Counted cash in the drawer (cash only)</source>
        <translation>钱箱清点现金（仅现金）</translation>
    </message>
    <message>
        <source>Backup saved: {0}</source>
        <translation>备份已保存：{0}</translation>
    </message>
    <message>
        <source>The automatic backup failed: {0}. The day is closed; make a backup from Settings.</source>
        <translation>自动备份失败：{0}。日结已完成；请在“设置”中手动备份。</translation>
    </message>
    <message>
        <source>Head-office bundle {0} saved.</source>
        <translation>总部数据包 {0} 已保存。</translation>
    </message>
    <message>
        <source>The head-office export failed: {0}. The day is closed; export from Settings.</source>
        <translation>总部导出失败：{0}。日结已完成；请在设置中导出。</translation>
    </message>
</context>
<context>
    <name>DayReportWriter</name>
    <message>
        <source>Transactions</source>
        <translation>交易笔数</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>售出件数</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>销售总额</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <source>Paid by customers</source>
        <translation>顾客实付</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Per payment method</source>
        <translation>按支付方式</translation>
    </message>
    <message>
        <source>VAT included</source>
        <translation>含增值税</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Refunds ({0})</source>
        <translation>退款（{0} 笔）</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>开班备用金</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Cash variance</source>
        <translation>现金差额</translation>
    </message>
</context>
<context>
    <name>DisposeDialog</name>
    <message>
        <source>Dispose of quarantined stock</source>
        <translation>处理不合格药品</translation>
    </message>
    <message>
        <source>Destroy (two witnesses)</source>
        <translation>销毁（两名监督人）</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>退回供货单位</translation>
    </message>
    <message>
        <source>Release to stock (found fit)</source>
        <translation>解除隔离（经查合格）</translation>
    </message>
    <message>
        <source>First witness</source>
        <translation>第一监督人</translation>
    </message>
    <message>
        <source>Second witness</source>
        <translation>第二监督人</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>处理方式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Approve a first-time product</source>
        <translation>首营品种审批</translation>
    </message>
    <message>
        <source>Add a supplier document</source>
        <translation>添加供货单位证照</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>药品(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Supplier</source>
        <translation>供货单位(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>证照类型(&amp;K)</translation>
    </message>
    <message>
        <source>valid without a term (长期)</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>证号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Issued by</source>
        <translation>发证机关(&amp;I)</translation>
    </message>
    <message>
        <source>Issued &amp;on</source>
        <translation>发证日期(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Valid until</source>
        <translation>有效期至(&amp;V)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Choose the product first.</source>
        <translation>请先选择药品。</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Supplier documents</source>
        <translation>供货单位证照</translation>
    </message>
    <message>
        <source>Product documents</source>
        <translation>药品证照</translation>
    </message>
    <message>
        <source>Supplier or product</source>
        <translation>供货单位或药品</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证照</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证号</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>no term</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>审批日期</translation>
    </message>
    <message>
        <source>First-time approval</source>
        <translation>首营审批</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>not approved</source>
        <translation>未审批</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Next expiry</source>
        <translation>最近到期</translation>
    </message>
    <message>
        <source>&amp;Add supplier document…</source>
        <translation>添加供货单位证照(&amp;A)…</translation>
    </message>
    <message>
        <source>Approve s&amp;upplier…</source>
        <translation>首营企业审批(&amp;U)…</translation>
    </message>
    <message>
        <source>Approve &amp;product…</source>
        <translation>首营品种审批(&amp;P)…</translation>
    </message>
    <message>
        <source>Who may deliver (and be received) under GSP:</source>
        <translation>按 GSP 可供货（可收货）的单位和品种：</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未审批</translation>
    </message>
    <message>
        <source>{0} document(s) expired or expire within {1} days: renew them.</source>
        <translation>{0} 份证照已过期或将在 {1} 天内到期：请及时更新。</translation>
    </message>
    <message>
        <source>Document recorded.</source>
        <translation>证照已记录。</translation>
    </message>
    <message>
        <source>Supplier approved.</source>
        <translation>供货单位已审批。</translation>
    </message>
    <message>
        <source>Product approved.</source>
        <translation>药品已审批。</translation>
    </message>
</context>
<context>
    <name>EphedrineBuyerDialog</name>
    <message>
        <source>Ephedrine-containing medicine</source>
        <translation>含麻黄碱类复方制剂</translation>
    </message>
    <message>
        <source>{0} contains ephedrine: enter the buyer&apos;s ID number and name. At most {1} packs per sale.</source>
        <translation>{0} 含麻黄碱：请登记购买人身份证号和姓名。每次最多销售 {1} 个最小包装。</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
</context>
<context>
    <name>ExpiryTab</name>
    <message>
        <source>within {0} days</source>
        <translation>{0} 天内</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Cost value</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <source>Expired on</source>
        <translation>过期日期</translation>
    </message>
    <message>
        <source>Write off selected…</source>
        <translation>报损所选…</translation>
    </message>
    <message>
        <source>Write off all expired</source>
        <translation>报损全部过期批号</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <source>Expired: never sold, write them off</source>
        <translation>已过期：不得销售，请报损</translation>
    </message>
    <message>
        <source>Choose a batch first.</source>
        <translation>请先选择批号。</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Written off.</source>
        <translation>已报损。</translation>
    </message>
    <message>
        <source>{0} expired unit(s) written off.</source>
        <translation>已报损 {0} 件过期商品。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to PharmaDesk</source>
        <translation>欢迎使用 PharmaDesk</translation>
    </message>
    <message>
        <source>The demo store already has a user called {0}. Go back and choose another user name for yourself.</source>
        <translation>演示门店已有名为 {0} 的用户。请返回并为自己选择另一个用户名。</translation>
    </message>
    <message>
        <source>The file {0} cannot be found.</source>
        <translation>找不到文件 {0}。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from CSV</source>
        <translation>从 CSV 导入</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Sales history</source>
        <translation>销售历史</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>GB18030 (Chinese Excel)</source>
        <translation>GB18030（中文 Excel）</translation>
    </message>
    <message>
        <source>Western European (Windows-1252)</source>
        <translation>西欧（Windows-1252）</translation>
    </message>
    <message>
        <source>Big5 (Traditional Chinese)</source>
        <translation>Big5（繁体中文）</translation>
    </message>
    <message>
        <source>Import the good rows and skip rows with errors</source>
        <translation>导入正确的行，跳过有错误的行</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Start import</source>
        <translation>开始导入</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Line {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <source>The first rows, read as {0} (detected). If the text looks wrong, choose the encoding.</source>
        <translation>前几行，按 {0} 读取（自动识别）。如果文字显示不对，请选择编码。</translation>
    </message>
    <message>
        <source>The first rows, read as {0}.</source>
        <translation>前几行，按 {0} 读取。</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>导入已取消：未导入任何数据。</translation>
    </message>
    <message>
        <source>Stopped after {0} errors: nothing was imported. Check the file&apos;s columns and encoding. Every error is listed in {1}.</source>
        <translation>出现 {0} 个错误后已停止：未导入任何数据。请检查文件的列和编码。全部错误列在 {1} 中。</translation>
    </message>
    <message>
        <source>Imported {0} of {1} rows ({2} skipped).</source>
        <translation>已导入 {1} 行中的 {0} 行（跳过 {2} 行）。</translation>
    </message>
    <message>
        <source>Nothing was imported: {0} problem(s) in the file. Correct them, or choose to skip bad rows.</source>
        <translation>未导入任何数据：文件中有 {0} 处问题。请改正，或选择跳过有错误的行。</translation>
    </message>
    <message>
        <source>The first {0} of {1} errors are listed below; every one is in {2}.</source>
        <translation>下面列出 {1} 个错误中的前 {0} 个；全部错误见 {2}。</translation>
    </message>
</context>
<context>
    <name>ListTable</name>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Till locked</source>
        <translation>收银台已锁定</translation>
    </message>
    <message>
        <source>The current sale is kept. Enter your PIN to continue.</source>
        <translation>当前销售已保留。请输入 PIN 码继续。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — {0}</source>
        <translation>登录 — {0}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>密码或 PIN 码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>nobody logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>PharmaDesk — {0}</source>
        <translation>PharmaDesk — {0}</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>门店(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;taff…</source>
        <translation>员工(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Lock the till</source>
        <translation>锁定收银台(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About PharmaDesk</source>
        <translation>关于 PharmaDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Close PharmaDesk?</source>
        <translation>关闭 PharmaDesk？</translation>
    </message>
    <message>
        <source>Close the program anyway?</source>
        <translation>仍要关闭程序吗？</translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation>仍然关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>继续工作(&amp;K)</translation>
    </message>
</context>
<context>
    <name>MaintenanceTab</name>
    <message>
        <source>Product</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Key item</source>
        <translation>重点养护</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>上次养护</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Required when a defect is found</source>
        <translation>发现质量问题时必填</translation>
    </message>
    <message>
        <source>&amp;Record check</source>
        <translation>记录养护(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Packaging</source>
        <translation>包装(&amp;P)</translation>
    </message>
    <message>
        <source>F&amp;inding</source>
        <translation>养护结论(&amp;I)</translation>
    </message>
    <message>
        <source>A&amp;ction taken</source>
        <translation>处理措施(&amp;C)</translation>
    </message>
    <message>
        <source>Due for a check: key items (cold, cool, near expiry, ephedrine, flagged) monthly, the others quarterly.</source>
        <translation>待养护：重点品种（冷藏、阴凉、近效期、含麻黄碱、指定重点）每月一次，其余每季度一次。</translation>
    </message>
    <message>
        <source>Choose a batch first.</source>
        <translation>请先选择批号。</translation>
    </message>
    <message>
        <source>{0} (batch {1}) checked: moved to quarantine.</source>
        <translation>{0}（批号 {1}）已养护：已移入不合格品区。</translation>
    </message>
    <message>
        <source>{0} (batch {1}) checked.</source>
        <translation>{0}（批号 {1}）已养护。</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit member</source>
        <translation>编辑会员</translation>
    </message>
    <message>
        <source>Register member</source>
        <translation>登记会员</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>The store&apos;s language</source>
        <translation>本店语言</translation>
    </message>
    <message>
        <source>leave empty to issue a new card</source>
        <translation>留空则发放新卡</translation>
    </message>
    <message>
        <source>e.g. hypertension, diabetes</source>
        <translation>例如 高血压、糖尿病</translation>
    </message>
    <message>
        <source>Agrees to care reminders</source>
        <translation>同意接收用药关怀提醒</translation>
    </message>
    <message>
        <source>Agrees to marketing messages</source>
        <translation>同意接收营销信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Speaks</source>
        <translation>沟通语言</translation>
    </message>
    <message>
        <source>Chronic conditions</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Consent given by</source>
        <translation>同意方式</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Member (F3)</source>
        <translation>会员 (F3)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>No member — F3 to attach one</source>
        <translation>无会员 — 按 F3 关联会员</translation>
    </message>
    <message>
        <source>(anonymous member)</source>
        <translation>（匿名会员）</translation>
    </message>
    <message>
        <source>Phone {0} · Card {1} · {2} points</source>
        <translation>电话 {0} · 卡号 {1} · {2} 积分</translation>
    </message>
</context>
<context>
    <name>MemberSearchDialog</name>
    <message>
        <source>Find member</source>
        <translation>查找会员</translation>
    </message>
    <message>
        <source>Scan the card, or type phone digits or a name</source>
        <translation>扫描会员卡，或输入电话号码或姓名</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>No member found.</source>
        <translation>未找到会员。</translation>
    </message>
    <message>
        <source>Choose a member first.</source>
        <translation>请先选择会员。</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Search: name, card number or phone digits</source>
        <translation>搜索：姓名、卡号或电话号码</translation>
    </message>
    <message>
        <source>Register member…</source>
        <translation>登记会员…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>ADR report…</source>
        <translation>ADR 报告…</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <source>Care reminders</source>
        <translation>关怀提醒</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>care reminders</source>
        <translation>关怀提醒</translation>
    </message>
    <message>
        <source>marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>提供方式</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>病症</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买记录</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source> (since {0}, {1})</source>
        <translation>（自 {0} 起，{1}）</translation>
    </message>
    <message>
        <source>Member registered.</source>
        <translation>会员已登记。</translation>
    </message>
    <message>
        <source>Member saved.</source>
        <translation>会员已保存。</translation>
    </message>
    <message>
        <source>Print it from the Service page.</source>
        <translation>可在“服务”页面打印。</translation>
    </message>
</context>
<context>
    <name>NearExpiryTab</name>
    <message>
        <source>Product</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Value at cost</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <source>{0} batch(es) expire within {1} days, worth {2} at cost.</source>
        <translation>{0} 个批号将在 {1} 天内到期，成本金额 {2}。</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>New purchase order</source>
        <translation>新建采购单</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>all orders</source>
        <translation>全部采购单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>采购单</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收数量</translation>
    </message>
    <message>
        <source>New draft…</source>
        <translation>新建草稿…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Order sent.</source>
        <translation>采购单已发送。</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消采购单</translation>
    </message>
    <message>
        <source>Order cancelled.</source>
        <translation>采购单已取消。</translation>
    </message>
    <message>
        <source>Draft order #{0} saved.</source>
        <translation>采购单草稿 #{0} 已保存。</translation>
    </message>
    <message>
        <source>Choose an order first.</source>
        <translation>请先选择采购单。</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <source>The owner&apos;s account</source>
        <translation>店主账户</translation>
    </message>
    <message>
        <source>You log in with this account. Add your staff later, under Settings.</source>
        <translation>您用这个账户登录。以后可在“设置”中添加员工。</translation>
    </message>
    <message>
        <source>4 to 8 digits, to unlock the till quickly (optional)</source>
        <translation>4 到 8 位数字，用于快速解锁收银台（可选）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PagedTable</name>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ 上一页</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>下一页 ›</translation>
    </message>
    <message>
        <source>{0}–{1} of {2} · page {3} of {4}</source>
        <translation>第 {0}–{1} 条，共 {2} 条 · 第 {3}/{4} 页</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock the store</source>
        <translation>解锁门店数据</translation>
    </message>
    <message>
        <source>This computer does not hold the key of the store in
{0}.
Enter the recovery passphrase to open it.</source>
        <translation>本电脑没有以下门店数据的密钥：
{0}。
请输入恢复口令以打开。</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>It opens the store on a new computer or from a backup. Without it, nobody — not even PharmaDesk&apos;s makers — can recover your data.</source>
        <translation>在新电脑上或从备份打开门店时需要它。没有它，任何人（包括 PharmaDesk 的开发者）都无法恢复您的数据。</translation>
    </message>
    <message>
        <source>Write this passphrase down on paper now and keep it in a safe place. It is shown only here, only once.</source>
        <translation>请现在把这个口令写在纸上，并存放在安全的地方。它只在这里显示一次。</translation>
    </message>
    <message>
        <source>Make another</source>
        <translation>换一个</translation>
    </message>
    <message>
        <source>I will choose my own passphrase</source>
        <translation>我要自己设定口令</translation>
    </message>
    <message>
        <source>At least {0} characters</source>
        <translation>至少 {0} 个字符</translation>
    </message>
    <message>
        <source>Type it again to confirm</source>
        <translation>再输入一次以确认</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <extracomment>method -&gt; the key that chooses it (shown on its button)</extracomment>
        <translation>收款</translation>
    </message>
    <message>
        <source>F9 Pay with points (has {0})</source>
        <translation>F9 积分抵扣（现有 {0}）</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>组合支付</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Voucher number (optional)</source>
        <translation>券号（可不填）</translation>
    </message>
    <message>
        <source>Transaction reference: scan or type</source>
        <translation>交易单号：扫码或输入</translation>
    </message>
    <message>
        <source>Scan or type the transaction reference.</source>
        <translation>请扫码或输入交易单号。</translation>
    </message>
    <message>
        <source>Type the amount as a number, e.g. 12.50.</source>
        <translation>请输入数字金额，例如 12.50。</translation>
    </message>
    <message>
        <source>The amounts are more than the total.</source>
        <translation>各项金额之和超过应付总额。</translation>
    </message>
    <message>
        <source>Type the cash given.</source>
        <translation>请输入顾客所付现金。</translation>
    </message>
    <message>
        <source>To pay: {0}</source>
        <translation>应付：{0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Cash due: {0}</source>
        <translation>应收现金：{0}</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <source>Cash given</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation>完成销售</translation>
    </message>
    <message>
        <source>cash given</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <source>To pay: {0} (after {1} points worth {2})</source>
        <translation>应付：{0}（已用 {1} 积分，抵 {2}）</translation>
    </message>
    <message>
        <source>Change: —</source>
        <translation>找零：—</translation>
    </message>
    <message>
        <source>Still to pay in cash: {0}</source>
        <translation>还需现金支付：{0}</translation>
    </message>
    <message>
        <source>Change: {0}</source>
        <translation>找零：{0}</translation>
    </message>
</context>
<context>
    <name>PreferencesPage</name>
    <message>
        <source>Language, receipts and backups</source>
        <translation>语言、小票和备份</translation>
    </message>
    <message>
        <source>You can change all of these later under Store → Settings.</source>
        <translation>以后都可以在“门店 → 设置”中修改。</translation>
    </message>
    <message>
        <source>Address, phone, licence number…</source>
        <translation>地址、电话、许可证号…</translation>
    </message>
    <message>
        <source>Optional: a USB drive or network folder</source>
        <translation>可选：U 盘或网络文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Receipt header</source>
        <translation>小票抬头</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>With a backup folder, PharmaDesk backs up the store after every day close.</source>
        <translation>设置备份文件夹后，PharmaDesk 会在每次日结后备份门店数据。</translation>
    </message>
</context>
<context>
    <name>PrescriptionDialog</name>
    <message>
        <source>Prescription</source>
        <translation>处方</translation>
    </message>
    <message>
        <source>controlled</source>
        <translation>特殊管理药品</translation>
    </message>
    <message>
        <source>prescription-only</source>
        <translation>处方药</translation>
    </message>
    <message>
        <source>{0} is {1}. Enter the prescription.</source>
        <translation>{0} 为{1}。请录入处方。</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} 或 {1}</translation>
    </message>
    <message>
        <source>The date written on the prescription, e.g. {0} or {1}</source>
        <translation>处方上写的日期，例如 {0} 或 {1}</translation>
    </message>
    <message>
        <source>optional: the scanned prescription (PNG or JPEG file)</source>
        <translation>可选：处方扫描件（PNG 或 JPEG 文件）</translation>
    </message>
    <message>
        <source>only if one pharmacist signs review and check</source>
        <translation>仅当同一药师同时签审核和核对时填写</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>开方医生</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>开方机构</translation>
    </message>
    <message>
        <source>Prescription number</source>
        <translation>处方编号</translation>
    </message>
    <message>
        <source>Prescription date</source>
        <translation>处方日期</translation>
    </message>
    <message>
        <source>Prescription image</source>
        <translation>处方图片</translation>
    </message>
    <message>
        <source>Reviewed by a pharmacist (审核)</source>
        <translation>药师审核</translation>
    </message>
    <message>
        <source>A pharmacist confirms</source>
        <translation>药剂师确认</translation>
    </message>
    <message>
        <source>Checked by a second pharmacist (核对)</source>
        <translation>另一药师核对</translation>
    </message>
    <message>
        <source>One pharmacist on duty: reason</source>
        <translation>仅一名药师在岗：原因</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>(for Chinese names)</source>
        <translation>（中文名称适用）</translation>
    </message>
    <message>
        <source>e.g. tablets, 胶囊剂</source>
        <translation>例如：片剂、胶囊剂</translation>
    </message>
    <message>
        <source>(not a maintenance drug)</source>
        <translation>（非长期用药）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Sold at the till</source>
        <translation>在收银台销售</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Pinyin initials</source>
        <translation>拼音助记码</translation>
    </message>
    <message>
        <source>Generic name</source>
        <translation>通用名</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Dosage form</source>
        <translation>剂型</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>商品(&amp;P)</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>生产厂家</translation>
    </message>
    <message>
        <source>Marketing-authorisation holder</source>
        <translation>上市许可持有人</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>批准文号</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>OTC class</source>
        <translation>OTC 类别</translation>
    </message>
    <message>
        <source>Storage condition</source>
        <translation>储存条件</translation>
    </message>
    <message>
        <source>Insurance code</source>
        <translation>医保编码</translation>
    </message>
    <message>
        <source>Units per pack (split)</source>
        <translation>拆零数量（每包）</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>拆零单位</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>拆零单价</translation>
    </message>
    <message>
        <source>&amp;Regulatory</source>
        <translation>监管信息(&amp;R)</translation>
    </message>
    <message>
        <source>国药准字H20013062, or 国械注准… for a device</source>
        <translation>国药准字H20013062；医疗器械填 国械注准…</translation>
    </message>
    <message>
        <source>e.g. 0.25g×24粒</source>
        <translation>例如：0.25g×24粒</translation>
    </message>
    <message>
        <source>(not OTC)</source>
        <translation>（非 OTC）</translation>
    </message>
    <message>
        <source>(not sold by the unit)</source>
        <translation>（不拆零）</translation>
    </message>
    <message>
        <source>e.g. 粒, 片, 袋</source>
        <translation>例如：粒、片、袋</translation>
    </message>
    <message>
        <source>Contains ephedrine (含麻黄碱)</source>
        <translation>含麻黄碱</translation>
    </message>
    <message>
        <source>ATC code</source>
        <translation>ATC 编码</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Legal class</source>
        <translation>管理类别</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <source>Pack size</source>
        <translation>包装数量</translation>
    </message>
    <message>
        <source>Days of supply</source>
        <translation>用药天数</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <source>Scan a barcode or type a name, then Enter</source>
        <translation>扫描条码或输入名称，然后按回车</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Showing the results…</source>
        <translation>正在显示结果…</translation>
    </message>
</context>
<context>
    <name>PromotionDialog</name>
    <message>
        <source>New promotion</source>
        <translation>新建促销</translation>
    </message>
    <message>
        <source>printed on the receipt, e.g. 满100减10 (default: the name)</source>
        <translation>打印在小票上，例如 满100减10（默认：名称）</translation>
    </message>
    <message>
        <source>a percent off for members</source>
        <translation>会员折扣（百分比）</translation>
    </message>
    <message>
        <source>a member price per product (in the product list)</source>
        <translation>按商品设会员价（在商品列表中填写）</translation>
    </message>
    <message>
        <source>a percent of the price per tier</source>
        <translation>按会员等级设价格百分比</translation>
    </message>
    <message>
        <source>Repeats (save again for each further threshold)</source>
        <translation>上不封顶（每满一次门槛再减一次）</translation>
    </message>
    <message>
        <source>the same product, or scan / type another one and Enter</source>
        <translation>同一商品，或扫描/输入另一商品后按回车</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>Receipt label</source>
        <translation>小票标签</translation>
    </message>
    <message>
        <source>Member price as</source>
        <translation>会员价方式</translation>
    </message>
    <message>
        <source>Pays (percent of price)</source>
        <translation>支付（价格的百分比）</translation>
    </message>
    <message>
        <source>Every Nth item</source>
        <translation>每第 N 件</translation>
    </message>
    <message>
        <source>Buy (units)</source>
        <translation>买（件）</translation>
    </message>
    <message>
        <source>Get free (units)</source>
        <translation>送（件）</translation>
    </message>
    <message>
        <source>Free product</source>
        <translation>赠品</translation>
    </message>
    <message>
        <source>Spend at least</source>
        <translation>满（金额）</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>减（金额）</translation>
    </message>
    <message>
        <source>Points (100 % = usual)</source>
        <translation>积分（100 % = 正常）</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>优惠内容</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Member price</source>
        <translation>会员价</translation>
    </message>
    <message>
        <source>Remove product</source>
        <translation>移除商品</translation>
    </message>
    <message>
        <source>Include prescription-only and controlled items</source>
        <translation>包括处方药和管制药品</translation>
    </message>
    <message>
        <source>Warning: discounting prescription medicines may break the rules on advertising them. Only if you are sure.</source>
        <translation>警告：对处方药打折可能违反处方药广告宣传的规定。请确认后再勾选。</translation>
    </message>
    <message>
        <source>Products (none chosen: all products)</source>
        <translation>商品（未选择：全部商品）</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>e.g. 8, 18, 28 (empty: every day)</source>
        <translation>例如 8, 18, 28（留空：每天）</translation>
    </message>
    <message>
        <source>Only from</source>
        <translation>仅从</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Weekdays (none: every day)</source>
        <translation>星期（不选：每天）</translation>
    </message>
    <message>
        <source>Days of the month</source>
        <translation>每月日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>所有顾客</translation>
    </message>
    <message>
        <source>members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>members of a tier</source>
        <translation>某一等级的会员</translation>
    </message>
    <message>
        <source>a campaign&apos;s target group (members who agreed to marketing)</source>
        <translation>营销活动的目标组（已同意接收营销信息的会员）</translation>
    </message>
    <message>
        <source>%1 (%2 contacted)</source>
        <translation>%1（已联系 %2 人）</translation>
    </message>
    <message>
        <source>exclusive: alone on its items</source>
        <translation>独享：其商品不参加其他促销</translation>
    </message>
    <message>
        <source>stacks with other stackable promotions</source>
        <translation>可叠加：与其他可叠加促销同时享受</translation>
    </message>
    <message>
        <source>best for customer: the one saving most of its kind</source>
        <translation>择优：同类中为顾客省得最多的一个</translation>
    </message>
    <message>
        <source>Discounted items earn points</source>
        <translation>优惠商品累计积分</translation>
    </message>
    <message>
        <source>Allow selling below cost (owner approval)</source>
        <translation>允许低于成本销售（店主批准）</translation>
    </message>
    <message>
        <source>Warning: items may then sell for less than they cost you.</source>
        <translation>警告：商品售价可能低于进货成本。</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Stacking</source>
        <translation>叠加规则</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Who and how</source>
        <translation>对象与规则</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>walk-in customer</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>%1 member</source>
        <translation>%1会员</translation>
    </message>
    <message>
        <source>&amp;Preview prices</source>
        <translation>预览价格(&amp;P)</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>目前</translation>
    </message>
    <message>
        <source>With this promotion</source>
        <translation>加上本促销</translation>
    </message>
    <message>
        <source>Printed as</source>
        <translation>小票显示</translation>
    </message>
    <message>
        <source>Price preview (nothing is saved)</source>
        <translation>价格预览（不会保存）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>That item pays (percent of price)</source>
        <translation>该件支付（价格的百分比）</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>折扣（减百分比）</translation>
    </message>
    <message>
        <source>Choose a product to preview its price.</source>
        <translation>请选择商品以预览价格。</translation>
    </message>
    <message>
        <source>Total %1 → %2 (saves %3; today&apos;s promotions alone: %4).</source>
        <translation>合计 %1 → %2（节省 %3；仅现有促销：%4）。</translation>
    </message>
    <message>
        <source>This promotion does not run at the chosen moment: change “At” to a day and hour it runs.</source>
        <translation>本促销在所选时间点不生效：请把“时间点”改为它生效的日期和时段。</translation>
    </message>
</context>
<context>
    <name>PromotionResultsView</name>
    <message>
        <source>Promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Discount cost</source>
        <translation>让利成本</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Members reached</source>
        <translation>触达会员</translation>
    </message>
    <message>
        <source>Coupons issued / redeemed / expired</source>
        <translation>优惠券 发放 / 核销 / 过期</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Promotions as of %1</source>
        <translation>促销效果（截至 %1）</translation>
    </message>
    <message>
        <source>No promotion yet.</source>
        <translation>还没有促销活动。</translation>
    </message>
    <message>
        <source>%1: %2 members got it, %3 were held out; conversion uplift %4 (95 % interval %5 to %6).</source>
        <translation>%1：%2 名会员获得促销，%3 名作为对照组；转化提升 %4（95 % 区间 %5 至 %6）。</translation>
    </message>
    <message>
        <source>%1: %2 of %3 running days compared; in-scope sales %4 against %5 expected (%6).</source>
        <translation>%1：%3 个活动日中比较了 %2 天；活动范围内销售额 %4，预期 %5（%6）。</translation>
    </message>
    <message>
        <source> Incremental margin %1 minus discount cost %2: %3.</source>
        <translation> 增量毛利 %1 减去让利成本 %2：%3。</translation>
    </message>
</context>
<context>
    <name>PromotionText</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>days %1</source>
        <translation>每月 %1 日</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>所有顾客</translation>
    </message>
    <message>
        <source>members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1会员</translation>
    </message>
    <message>
        <source>%1 members of “%2”</source>
        <translation>“%2”的 %1 位会员</translation>
    </message>
    <message>
        <source>%1 listed members</source>
        <translation>名单中的 %1 位会员</translation>
    </message>
    <message>
        <source>%1 % off</source>
        <translation>减 %1 %</translation>
    </message>
    <message>
        <source>%1 off each</source>
        <translation>每件减 %1</translation>
    </message>
    <message>
        <source>item no. %1 at %2 % of its price</source>
        <translation>第 %1 件按原价的 %2 %</translation>
    </message>
    <message>
        <source>buy %1 get %2 free</source>
        <translation>买 %1 送 %2</translation>
    </message>
    <message>
        <source>spend %1 save %2</source>
        <translation>满 %1 减 %2</translation>
    </message>
    <message>
        <source> (repeats)</source>
        <translation>（上不封顶）</translation>
    </message>
    <message>
        <source>%1 off from %2</source>
        <translation>满 %2 减 %1</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>减 %1</translation>
    </message>
    <message>
        <source>%1 % points</source>
        <translation>%1 % 积分</translation>
    </message>
    <message>
        <source>member prices for %1 products</source>
        <translation>%1 个商品的会员价</translation>
    </message>
    <message>
        <source>%1 pays %2 %</source>
        <translation>%1支付 %2 %</translation>
    </message>
    <message>
        <source>%1 % off for members</source>
        <translation>会员减 %1 %</translation>
    </message>
    <message>
        <source>all products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>; except %1</source>
        <translation>；不含 %1</translation>
    </message>
    <message>
        <source>; includes prescription-only items</source>
        <translation>；包括处方药</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Kind: %1 · printed as “%2”</source>
        <translation>类型：%1 · 小票显示“%2”</translation>
    </message>
    <message>
        <source>Gives: %1</source>
        <translation>优惠：%1</translation>
    </message>
    <message>
        <source>Products: %1</source>
        <translation>商品：%1</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>对象：%1</translation>
    </message>
    <message>
        <source>Stacking: %1</source>
        <translation>叠加：%1</translation>
    </message>
    <message>
        <source>Earns points: %1</source>
        <translation>累计积分：%1</translation>
    </message>
    <message>
        <source>Gift: %1</source>
        <translation>赠品：%1</translation>
    </message>
    <message>
        <source>May sell below cost (owner approved)</source>
        <translation>可低于成本销售（店主已批准）</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
</context>
<context>
    <name>PromotionsPage</name>
    <message>
        <source>All promotions</source>
        <translation>全部促销</translation>
    </message>
    <message>
        <source>&amp;New promotion…</source>
        <translation>新建促销(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;End…</source>
        <translation>结束(&amp;E)…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Receipt label</source>
        <translation>小票标签</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Stacking</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>New promotion</source>
        <translation>新建促销</translation>
    </message>
    <message>
        <source>No promotion yet. Press New promotion to make one.</source>
        <translation>还没有促销。点击“新建促销”创建一个。</translation>
    </message>
    <message>
        <source>Promotion “%1” saved.</source>
        <translation>促销“%1”已保存。</translation>
    </message>
    <message>
        <source>End promotion</source>
        <translation>结束促销</translation>
    </message>
    <message>
        <source>End “%1” for good? It stops at once and cannot be resumed; its open coupons stop being accepted.</source>
        <translation>永久结束“%1”？它将立即停止且无法恢复；其未使用的优惠券也将不再受理。</translation>
    </message>
    <message>
        <source>“%1” paused.</source>
        <translation>“%1”已暂停。</translation>
    </message>
    <message>
        <source>“%1” runs again.</source>
        <translation>“%1”已恢复。</translation>
    </message>
    <message>
        <source>“%1” ended.</source>
        <translation>“%1”已结束。</translation>
    </message>
</context>
<context>
    <name>PurchaseOrderWriter</name>
    <message>
        <source>Purchase order %1</source>
        <translation>采购单 %1</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Total at cost</source>
        <translation>成本合计</translation>
    </message>
</context>
<context>
    <name>QualityForms</name>
    <message>
        <source>Supplier qualification record</source>
        <translation>首营企业审批表</translation>
    </message>
    <message>
        <source>First-product approval record</source>
        <translation>首营品种审批表</translation>
    </message>
    <message>
        <source>Acceptance record</source>
        <translation>药品验收记录</translation>
    </message>
    <message>
        <source>Storage temperature and humidity log</source>
        <translation>温湿度记录表</translation>
    </message>
    <message>
        <source>Maintenance record</source>
        <translation>药品养护记录</translation>
    </message>
    <message>
        <source>Quarantine and disposal record</source>
        <translation>不合格药品处理记录</translation>
    </message>
    <message>
        <source>Near-expiry report</source>
        <translation>近效期药品催销表</translation>
    </message>
    <message>
        <source>Sales record</source>
        <translation>药品销售记录</translation>
    </message>
    <message>
        <source>Drug trading licence</source>
        <translation>药品经营许可证</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>GSP certificate</source>
        <translation>GSP认证证书</translation>
    </message>
    <message>
        <source>Sales representative authorisation</source>
        <translation>销售人员授权委托书</translation>
    </message>
    <message>
        <source>Drug registration certificate</source>
        <translation>药品注册证书</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>to quarantine</source>
        <translation>待处理（隔离）</translation>
    </message>
    <message>
        <source>in order</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>defect found</source>
        <translation>发现质量问题</translation>
    </message>
    <message>
        <source>held in quarantine</source>
        <translation>隔离待处理</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>已销毁</translation>
    </message>
    <message>
        <source>returned to supplier</source>
        <translation>已退回供货单位</translation>
    </message>
    <message>
        <source>released to stock</source>
        <translation>解除隔离</translation>
    </message>
    <message>
        <source>ambient</source>
        <translation>常温</translation>
    </message>
    <message>
        <source>cool</source>
        <translation>阴凉</translation>
    </message>
    <message>
        <source>cold chain</source>
        <translation>冷藏</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供货单位</translation>
    </message>
    <message>
        <source>Licence or certificate</source>
        <translation>证照名称</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证号</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>审批日期</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>药品名称</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Dosage form</source>
        <translation>剂型</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>生产企业</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>批准文号</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>注册证号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收货单</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>抽检数量</translation>
    </message>
    <message>
        <source>Appearance and packaging</source>
        <translation>外观包装</translation>
    </message>
    <message>
        <source>Arrival °C</source>
        <translation>到货温度 °C</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>验收结论</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>验收员</translation>
    </message>
    <message>
        <source>Storage area</source>
        <translation>储存区域</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Temperature °C</source>
        <translation>温度 °C</translation>
    </message>
    <message>
        <source>Humidity %</source>
        <translation>湿度 %</translation>
    </message>
    <message>
        <source>In range</source>
        <translation>是否符合</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>采取措施</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>储存条件</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>养护结论</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>养护员</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>隔离日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>不合格原因</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>隔离人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>处理日期</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>监督人</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Value at cost</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <source>Sold at</source>
        <translation>销售时间</translation>
    </message>
    <message>
        <source>Generic name</source>
        <translation>通用名称</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Sold by</source>
        <translation>销售人员</translation>
    </message>
    <message>
        <source>Quality manager</source>
        <translation>质量管理人员</translation>
    </message>
    <message>
        <source>Acceptance inspector</source>
        <translation>验收员</translation>
    </message>
    <message>
        <source>Maintenance staff</source>
        <translation>养护员</translation>
    </message>
    <message>
        <source>Pharmacist</source>
        <translation>执业药师</translation>
    </message>
    <message>
        <source>Period: %1 – %2</source>
        <translation>期间：%1 至 %2</translation>
    </message>
    <message>
        <source>No records in this period.</source>
        <translation>本期间无记录。</translation>
    </message>
    <message>
        <source>Storage area: %1</source>
        <translation>储存区域：%1</translation>
    </message>
    <message>
        <source>allowed %1–%2 °C</source>
        <translation>温度范围 %1–%2 °C</translation>
    </message>
    <message>
        <source>humidity %1–%2 %</source>
        <translation>湿度范围 %1–%2 %</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>温度 °C</translation>
    </message>
    <message>
        <source>% RH</source>
        <translation>相对湿度 %</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Month: %1</source>
        <translation>月份：%1</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <source>Documents</source>
        <translation>证照</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>验收</translation>
    </message>
    <message>
        <source>Storage log</source>
        <translation>温湿度</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>养护</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>不合格药品</translation>
    </message>
    <message>
        <source>Near expiry</source>
        <translation>近效期</translation>
    </message>
    <message>
        <source>Print form…</source>
        <translation>打印表单…</translation>
    </message>
    <message>
        <source>Save form as PDF…</source>
        <translation>表单另存为 PDF…</translation>
    </message>
    <message>
        <source>Export for inspector…</source>
        <translation>导出检查资料…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <source>Print the form of this tab</source>
        <translation>打印本页表单</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>{0} sent to the printer.</source>
        <translation>{0}已发送到打印机。</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>%2 于 %1 打印</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {0}</source>
        <translation>无法保存 PDF：{0}</translation>
    </message>
    <message>
        <source>{0} saved as {1}</source>
        <translation>{0}已保存为 {1}</translation>
    </message>
    <message>
        <source>Folder for the inspector&apos;s files</source>
        <translation>检查资料的保存文件夹</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>{0} files for the inspector written to {1}</source>
        <translation>已将 {0} 个检查资料文件写入 {1}</translation>
    </message>
</context>
<context>
    <name>QualityReminder</name>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Storage readings due: {0}. Enter them on the Quality page (Storage log).</source>
        <translation>待记录温湿度：{0}。请在“质量”页面（温湿度）中记录。</translation>
    </message>
    <message>
        <source>Near expiry: {0} batch {1} expires on {2} ({3} days left). Tell the customer.</source>
        <translation>近效期：{0} 批号 {1} 将于 {2} 到期（剩余 {3} 天），请告知顾客。</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Move to quarantine</source>
        <translation>移入不合格品区</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>药品(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>批号(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Choose the product and its batch first.</source>
        <translation>请先选择药品及批号。</translation>
    </message>
</context>
<context>
    <name>QuarantineTab</name>
    <message>
        <source>Held in quarantine</source>
        <translation>隔离中</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>隔离日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Move to quarantine…</source>
        <translation>移入不合格品区(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Dispose…</source>
        <translation>处理(&amp;D)…</translation>
    </message>
    <message>
        <source>{0} unit(s) of {1} moved to quarantine.</source>
        <translation>{1} 共 {0} 个单位已移入不合格品区。</translation>
    </message>
    <message>
        <source>Choose a record held in quarantine first.</source>
        <translation>请先选择一条隔离中的记录。</translation>
    </message>
    <message>
        <source>{0} (batch {1}): {2}.</source>
        <translation>{0}（批号 {1}）：{2}。</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt {0}</source>
        <translation>小票 {0}</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>The receipt printer {0} did not answer: {1}</source>
        <translation>小票打印机 {0} 无响应：{1}</translation>
    </message>
    <message>
        <source>Sent to the receipt printer.</source>
        <translation>已发送到小票打印机。</translation>
    </message>
</context>
<context>
    <name>ReceiptTab</name>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>采购单</translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>batch / lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>expiry YYYY-MM-DD</source>
        <translation>有效期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>scan each pack&apos;s traceability code</source>
        <translation>逐盒扫描药品追溯码</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>追溯码</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除该行</translation>
    </message>
    <message>
        <source>Book the receipt</source>
        <translation>登记收货</translation>
    </message>
    <message>
        <source>(no order)</source>
        <translation>（无采购单）</translation>
    </message>
    <message>
        <source>Order #{0} ({1})</source>
        <translation>采购单 #{0}（{1}）</translation>
    </message>
    <message>
        <source>{0} code(s) for this line</source>
        <translation>本行已扫 {0} 个追溯码</translation>
    </message>
    <message>
        <source>Choose the product first.</source>
        <translation>请先选择商品。</translation>
    </message>
    <message>
        <source>Choose the supplier first.</source>
        <translation>请先选择供应商。</translation>
    </message>
    <message>
        <source>Goods receipt #{0} booked.</source>
        <translation>收货单 #{0} 已登记。</translation>
    </message>
</context>
<context>
    <name>ReorderPane</name>
    <message>
        <source>Reorder suggestions</source>
        <translation>补货建议</translation>
    </message>
    <message>
        <source>Any urgency</source>
        <translation>任意紧急程度</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Sells</source>
        <translation>销售规律</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Forecast/day</source>
        <translation>日预测</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Days of stock</source>
        <translation>库存可售天数</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议数量</translation>
    </message>
    <message>
        <source>Order qty</source>
        <translation>订货数量</translation>
    </message>
    <message>
        <source>Service vs stock</source>
        <translation>服务水平与库存</translation>
    </message>
    <message>
        <source>Create purchase orders</source>
        <translation>创建采购单</translation>
    </message>
    <message>
        <source>Save PO as PDF…</source>
        <translation>将采购单保存为 PDF…</translation>
    </message>
    <message>
        <source>Print PO…</source>
        <translation>打印采购单…</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Reorder suggestions as of %1</source>
        <translation>截至 %1 的补货建议</translation>
    </message>
    <message>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <source>Any pattern</source>
        <translation>全部规律</translation>
    </message>
    <message>
        <source>%1 products to order, about %2 at cost.</source>
        <translation>需订 %1 种商品，按成本约 %2。</translation>
    </message>
    <message>
        <source>Stock on hand: %1 at cost. Expected fill rate %2 % with about %3 days of cover.</source>
        <translation>现有库存成本 %1。预计满足率 %2 %，约可覆盖 %3 天。</translation>
    </message>
    <message>
        <source>Select a product to see its demand.</source>
        <translation>选择商品以查看其需求。</translation>
    </message>
    <message>
        <source>daily demand</source>
        <translation>每日需求</translation>
    </message>
    <message>
        <source>forecast per day</source>
        <translation>每日预测</translation>
    </message>
    <message>
        <source>units per day</source>
        <translation>每日数量</translation>
    </message>
    <message>
        <source>on hand (end of day)</source>
        <translation>在库（日终）</translation>
    </message>
    <message>
        <source>projected stock position</source>
        <translation>预计库存状况</translation>
    </message>
    <message>
        <source>%1 % band: demand over lead + review ± %2 σ</source>
        <translation>%1% 区间：交货期+盘点周期内需求 ± %2 σ</translation>
    </message>
    <message>
        <source>reorder point</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>order-up-to level</source>
        <translation>补货目标水平</translation>
    </message>
    <message>
        <source>units in stock</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <source>Nothing sells yet: no trade-off to show.</source>
        <translation>尚无销售：无法显示权衡曲线。</translation>
    </message>
    <message>
        <source>same service level for every product</source>
        <translation>所有商品同一服务水平</translation>
    </message>
    <message>
        <source>your settings</source>
        <translation>您的设置</translation>
    </message>
    <message>
        <source>days of cover (average stock at cost ÷ daily demand at cost)</source>
        <translation>覆盖天数（平均库存成本 ÷ 每日需求成本）</translation>
    </message>
    <message>
        <source>expected fill rate (%)</source>
        <translation>预计满足率（%）</translation>
    </message>
    <message>
        <source>average stock value at cost</source>
        <translation>平均库存成本金额</translation>
    </message>
    <message>
        <source>Nothing to order.</source>
        <translation>无需订货。</translation>
    </message>
    <message>
        <source>Reorder suggestions of %1</source>
        <translation>%1 的补货建议</translation>
    </message>
    <message>
        <source>PO %1 – %2</source>
        <translation>采购单 %1 – %2</translation>
    </message>
    <message>
        <source>%1 purchase order(s) created as drafts.</source>
        <translation>已创建 %1 张草稿采购单。</translation>
    </message>
    <message>
        <source>Save purchase order</source>
        <translation>保存采购单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易笔数</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Items per basket</source>
        <translation>每单件数</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Net sales (VAT incl., after refunds)</source>
        <translation>净销售额（含税，已扣退款）</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Gross margin %</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>活跃会员</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Inventory value at cost</source>
        <translation>库存成本价值</translation>
    </message>
    <message>
        <source>Inventory turnover</source>
        <translation>库存周转率</translation>
    </message>
    <message>
        <source>Goods received</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Returned by customers</source>
        <translation>顾客退货</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>报损</translation>
    </message>
    <message>
        <source>Stocktake corrections</source>
        <translation>盘点修正</translation>
    </message>
    <message>
        <source>Price overrides</source>
        <translation>改价</translation>
    </message>
    <message>
        <source>Discounts above the threshold</source>
        <translation>超出限额的折扣</translation>
    </message>
    <message>
        <source>Supervisor approvals</source>
        <translation>主管授权</translation>
    </message>
    <message>
        <source>Refunds approved</source>
        <translation>已批准退款</translation>
    </message>
    <message>
        <source>Stock write-offs</source>
        <translation>库存报损</translation>
    </message>
    <message>
        <source>Stock adjustments</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Refill due</source>
        <translation>续药到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Low adherence</source>
        <translation>依从性低</translation>
    </message>
    <message>
        <source>Medication sync</source>
        <translation>同步取药</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已致电</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Refilled</source>
        <translation>已续药</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Daily report: %1</source>
        <translation>日报：%1</translation>
    </message>
    <message>
        <source>Monthly report: %1</source>
        <translation>月报：%1</translation>
    </message>
    <message>
        <source>(so far)</source>
        <translation>（截至目前）</translation>
    </message>
    <message>
        <source>the same weekday a week before</source>
        <translation>上周同一天</translation>
    </message>
    <message>
        <source>the same days of the month before</source>
        <translation>上月同期</translation>
    </message>
    <message>
        <source>Compared with %1 (%2).</source>
        <translation>对比%1（%2）。</translation>
    </message>
    <message>
        <source>Printed %1 by %2.</source>
        <translation>%1 由 %2 打印。</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Sales per hour</source>
        <translation>每小时销售额</translation>
    </message>
    <message>
        <source>daily sales</source>
        <translation>每日销售额</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7 日平均</translation>
    </message>
    <message>
        <source>Sales per day</source>
        <translation>每日销售额</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Day closes and cash</source>
        <translation>日结与现金</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>日结时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>清点现金</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Top products</source>
        <translation>畅销商品</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>生产厂家</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation>处方</translation>
    </message>
    <message>
        <source>Category mix</source>
        <translation>品类结构</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Value at cost</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <source>On hand at the end: %1 batches worth %2 expire within 30 days; %3 expired batches worth %4 wait for a write-off.</source>
        <translation>期末在库：%1 个批次（价值 %2）将在 30 天内到期；%3 个已过期批次（价值 %4）待报损。</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>药学关怀</translation>
    </message>
    <message>
        <source>Care work</source>
        <translation>关怀工作</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Reminder issued: %1</source>
        <translation>已发提醒：%1</translation>
    </message>
    <message>
        <source>Outcome recorded: %1</source>
        <translation>已记录结果：%1</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Service figure</source>
        <translation>服务指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Complaints taken</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>Complaints per 1,000 sales</source>
        <translation>每千笔销售投诉数</translation>
    </message>
    <message>
        <source>Median days to close a complaint</source>
        <translation>投诉结案天数（中位数）</translation>
    </message>
    <message>
        <source>Complaints closed on time</source>
        <translation>按时结案的投诉</translation>
    </message>
    <message>
        <source>Complaints overdue at the end</source>
        <translation>期末超期投诉</translation>
    </message>
    <message>
        <source>Follow-up calls made</source>
        <translation>已完成回访</translation>
    </message>
    <message>
        <source>Calls that reached the member</source>
        <translation>接通的回访</translation>
    </message>
    <message>
        <source>Reached members who bought again</source>
        <translation>接通后再次购药的会员</translation>
    </message>
    <message>
        <source>Adverse reaction reports (serious)</source>
        <translation>不良反应报告（严重）</translation>
    </message>
    <message>
        <source>Exceptions to check</source>
        <translation>需核查的异常</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>%1 of imported sales carry no cost and are left out of the margin.</source>
        <translation>导入的销售中有 %1 没有成本，未计入毛利。</translation>
    </message>
    <message>
        <source>Sales record</source>
        <translation>销售记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>批准文号</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
</context>
<context>
    <name>ReportsPane</name>
    <message>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <source>No report to save yet.</source>
        <translation>还没有可保存的报表。</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return against a receipt</source>
        <translation>凭小票退货</translation>
    </message>
    <message>
        <source>Receipt number, e.g. S00000042</source>
        <translation>小票号，例如 S00000042</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>本次退货</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>The original payment</source>
        <translation>原支付方式</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Refund to</source>
        <translation>退款至</translation>
    </message>
    <message>
        <source>Paid back</source>
        <translation>退还方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>A pharmacist or the owner approves the refund</source>
        <translation>由药剂师或店主批准退款</translation>
    </message>
    <message>
        <source>The owner approves paying a non-cash payment back in cash</source>
        <translation>非现金支付改退现金须店长批准</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Choose what is being returned.</source>
        <translation>请选择要退货的商品。</translation>
    </message>
    <message>
        <source>(ref. {0})</source>
        <translation>（单号 {0}）</translation>
    </message>
    <message>
        <source>Find the receipt first.</source>
        <translation>请先查找小票。</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>Scan a barcode or type a product name…</source>
        <translation>扫描条码或输入商品名称…</translation>
    </message>
</context>
<context>
    <name>SegmentsPane</name>
    <message>
        <source>Member segments</source>
        <translation>会员客群</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客群</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买次数</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Export call list…</source>
        <translation>导出呼叫名单…</translation>
    </message>
    <message>
        <source>Start campaign…</source>
        <translation>开始营销活动…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Member segments as of %1</source>
        <translation>截至 %1 的会员客群</translation>
    </message>
    <message>
        <source>Share of sales</source>
        <translation>销售额占比</translation>
    </message>
    <message>
        <source>Days since last visit (median)</source>
        <translation>距上次到店天数（中位数）</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>days since last purchase</source>
        <translation>距上次购买天数</translation>
    </message>
    <message>
        <source>spent (currency units)</source>
        <translation>消费金额（元）</translation>
    </message>
    <message>
        <source>Select a segment to see its profile.</source>
        <translation>选择一个客群以查看其画像。</translation>
    </message>
    <message>
        <source>all buyers</source>
        <translation>全部购买者</translation>
    </message>
    <message>
        <source>chronic</source>
        <translation>慢病用药</translation>
    </message>
    <message>
        <source>acute</source>
        <translation>急症用药</translation>
    </message>
    <message>
        <source>OTC</source>
        <translation>非处方药</translation>
    </message>
    <message>
        <source>supplement</source>
        <translation>保健品</translation>
    </message>
    <message>
        <source>mother &amp; baby</source>
        <translation>母婴</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>share of spend</source>
        <translation>消费占比</translation>
    </message>
    <message>
        <source>%1: median recency %2 days, %3 purchases, ticket %4</source>
        <translation>%1：最近购买中位数 %2 天，购买 %3 次，客单价 %4</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export call list</source>
        <translation>导出呼叫名单</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>%1 members who agreed to marketing written to %2.</source>
        <translation>已将同意接收营销信息的 %1 位会员写入 %2。</translation>
    </message>
    <message>
        <source>Campaign %1 created: %2 members to contact, %3 held out.</source>
        <translation>营销活动 %1 已创建：需触达 %2 位会员，对照 %3 位。</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>新建投诉…</translation>
    </message>
    <message>
        <source>ADR report…</source>
        <translation>ADR 报告…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Print ADR form…</source>
        <translation>打印 ADR 报告表…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <source>Show calls due later too</source>
        <translation>同时显示以后到期的回访</translation>
    </message>
    <message>
        <source>Schedule calls after first purchases</source>
        <translation>为首次购药安排回访</translation>
    </message>
    <message>
        <source>Call…</source>
        <translation>拨打…</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>About</source>
        <translation>相关药品</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Follow-up calls</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Service: complaints, calls and adverse reactions</source>
        <translation>服务：投诉、回访与药品不良反应</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>(no account)</source>
        <translation>（无内容）</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已记录。</translation>
    </message>
    <message>
        <source>In progress.</source>
        <translation>处理中。</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>已添加备注。</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>已结案。</translation>
    </message>
    <message>
        <source>Reopened.</source>
        <translation>已重新打开。</translation>
    </message>
    <message>
        <source>Corrected.</source>
        <translation>已更正。</translation>
    </message>
    <message>
        <source>Save the ADR report as PDF</source>
        <translation>将 ADR 报告保存为 PDF</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Calls scheduled: %1</source>
        <translation>已安排回访：%1</translation>
    </message>
    <message>
        <source>Call recorded.</source>
        <translation>已记录回访。</translation>
    </message>
</context>
<context>
    <name>ServiceStrip</name>
    <message>
        <source>Complaints: %1 (%2 per 1,000 sales)</source>
        <translation>投诉：%1（每千笔销售 %2）</translation>
    </message>
    <message>
        <source>Overdue complaints: %1</source>
        <translation>超期投诉：%1</translation>
    </message>
    <message>
        <source>Days to close (median): %1 · on time %2</source>
        <translation>结案天数（中位数）：%1 · 按时 %2</translation>
    </message>
    <message>
        <source>Follow-up calls: %1 reached · %2 bought again</source>
        <translation>回访：接通 %1 · 再次购药 %2</translation>
    </message>
    <message>
        <source>ADR reports: %1 (serious %2)</source>
        <translation>不良反应报告：%1（严重 %2）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>China GSP: a medicine needs its approval number (批准文号) and a device its registration number, and the quality records and counter controls of a Chinese retail pharmacy apply.</source>
        <translation>中国 GSP：药品须有批准文号，医疗器械须有注册证号，并启用零售药店的质量记录和柜台管控。</translation>
    </message>
    <message>
        <source>Regulatory profile</source>
        <translation>监管模式</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock the till after idle</source>
        <translation>空闲多久后锁定收银台</translation>
    </message>
    <message>
        <source>Address, phone, licence number…</source>
        <translation>地址、电话、许可证号…</translation>
    </message>
    <message>
        <source>Receipt header</source>
        <translation>小票抬头</translation>
    </message>
    <message>
        <source>Ask each time</source>
        <translation>每次询问</translation>
    </message>
    <message>
        <source>{0} (not found)</source>
        <translation>{0}（未找到）</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>e.g. /dev/usb/lp0, COM3 or 192.168.1.50:9100</source>
        <translation>例如 /dev/usb/lp0、COM3 或 192.168.1.50:9100</translation>
    </message>
    <message>
        <source>ESC/POS raw device</source>
        <translation>ESC/POS 直连设备</translation>
    </message>
    <message>
        <source>When an ESC/POS device is set, receipts go to it as plain text instead of the printer above.</source>
        <translation>设置了 ESC/POS 设备后，小票将以纯文本发送到该设备，而不是上面的打印机。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Wait for the backup or export to finish, or cancel it.</source>
        <translation>请等待备份或导出完成，或将其取消。</translation>
    </message>
    <message>
        <source>Reorder: target service level</source>
        <translation>补货：目标服务水平</translation>
    </message>
    <message>
        <source>Head-office export</source>
        <translation>总部导出</translation>
    </message>
    <message>
        <source>A synced or shared folder, or a USB stick</source>
        <translation>同步或共享文件夹，或 U 盘</translation>
    </message>
    <message>
        <source>Export now</source>
        <translation>立即导出</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>Only when I press Export now</source>
        <translation>仅在我点击“立即导出”时</translation>
    </message>
    <message>
        <source>After each day close</source>
        <translation>每次日结之后</translation>
    </message>
    <message>
        <source>Once a day while the program is open</source>
        <translation>程序运行时每天一次</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Head-office export folder</source>
        <translation>总部导出文件夹</translation>
    </message>
    <message>
        <source>Choose a folder for the head-office export first.</source>
        <translation>请先选择总部导出文件夹。</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Head-office bundle {0} saved: {1} ({2:.1f} s)</source>
        <translation>总部数据包 {0} 已保存：{1}（{2:.1f} 秒）</translation>
    </message>
    <message>
        <source>Choose a folder for the backup first.</source>
        <translation>请先选择备份文件夹。</translation>
    </message>
    <message>
        <source>Chronic medicines (Rx)</source>
        <translation>慢病用药（处方药）</translation>
    </message>
    <message>
        <source>Acute medicines</source>
        <translation>急性病用药</translation>
    </message>
    <message>
        <source>OTC medicines</source>
        <translation>非处方药</translation>
    </message>
    <message>
        <source>Supplements</source>
        <translation>保健品</translation>
    </message>
    <message>
        <source>Mother &amp; baby</source>
        <translation>母婴用品</translation>
    </message>
    <message>
        <source>Personal care</source>
        <translation>个人护理</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>医疗器械</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was kept.</source>
        <translation>备份已取消；未保留任何文件。</translation>
    </message>
    <message>
        <source>Backup saved: {0} ({1:.1f} s)</source>
        <translation>备份已保存：{0}（{1:.1f} 秒）</translation>
    </message>
</context>
<context>
    <name>ShortcutHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>适用范围</translation>
    </message>
</context>
<context>
    <name>SplitLineDialog</name>
    <message>
        <source>Sell by the unit</source>
        <translation>拆零销售</translation>
    </message>
    <message>
        <source>{0}: {1} {2} to a pack, {3} each. Opened packs hold {4} {2}.</source>
        <translation>{0}：每盒 {1} {2}，单价 {3}。已拆零包装中还有 {4} {2}。</translation>
    </message>
    <message>
        <source>e.g. 2 tablets 3 times a day after meals</source>
        <translation>例如：每次2片，每日3次，饭后服用</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>用法用量</translation>
    </message>
    <message>
        <source>units</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Reset password or PIN…</source>
        <translation>重置密码或 PIN…</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>设置角色</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Choose a person first.</source>
        <translation>请先选择一个人。</translation>
    </message>
</context>
<context>
    <name>StaffMemberDialog</name>
    <message>
        <source>New staff account</source>
        <translation>新建员工账户</translation>
    </message>
    <message>
        <source>Reset password or PIN</source>
        <translation>重置密码或 PIN</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>PIN (4–8 digits)</source>
        <translation>PIN（4–8 位数字）</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>How to start</source>
        <translation>如何开始</translation>
    </message>
    <message>
        <source>Create the store</source>
        <translation>创建门店</translation>
    </message>
    <message>
        <source>An empty store: I will add products myself</source>
        <translation>空门店：我自己添加商品</translation>
    </message>
    <message>
        <source>Import products and members from CSV files</source>
        <translation>从 CSV 文件导入商品和会员</translation>
    </message>
    <message>
        <source>The demo store: two years of made-up sales to try PharmaDesk out</source>
        <translation>演示门店：包含两年虚构销售数据，用于试用 PharmaDesk</translation>
    </message>
    <message>
        <source>Products file</source>
        <translation>商品文件</translation>
    </message>
    <message>
        <source>Members file</source>
        <translation>会员文件</translation>
    </message>
    <message>
        <source>The demo store also has the accounts owner, pharmacist and cashier; its members and sales are invented. In Chinese it is a Chinese pharmacy under the China GSP rules: approval numbers, OTC classes, cold-chain and split-pack items.</source>
        <translation>演示门店还带有店主、药师和收银员账户；其会员和销售均为虚构。选择中文时，它是一家按中国 GSP 规则经营的药店：有批准文号、OTC 类别、冷藏商品和拆零商品。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>StockChangeDialog</name>
    <message>
        <source>Write off stock</source>
        <translation>库存报损</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>e.g. expired, damaged, recalled, found on shelf</source>
        <translation>例如 过期、破损、召回、货架上发现</translation>
    </message>
    <message>
        <source>on hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Units to write off</source>
        <translation>报损数量</translation>
    </message>
    <message>
        <source>Change (+/−)</source>
        <translation>变动数量（+/−）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Goods receipt</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>采购单</translation>
    </message>
</context>
<context>
    <name>StocktakeTab</name>
    <message>
        <source>Start a stocktake</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>Open stocktake</source>
        <translation>进行中的盘点</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>In the books</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Filter: product name or barcode</source>
        <translation>筛选：商品名称或条码</translation>
    </message>
    <message>
        <source>Record count</source>
        <translation>记录盘点数</translation>
    </message>
    <message>
        <source>Counted on the shelf</source>
        <translation>货架实盘数量</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应有数量</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Post the variance</source>
        <translation>过账盘点差异</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Variance against the books</source>
        <translation>与账面的差异</translation>
    </message>
    <message>
        <source>#{0} started {1} ({2} counted)</source>
        <translation>#{0} 于 {1} 开始（已盘 {2} 项）</translation>
    </message>
    <message>
        <source>Stocktake #{0} started: count each batch.</source>
        <translation>盘点 #{0} 已开始：请逐个批号清点。</translation>
    </message>
    <message>
        <source>Choose a batch on the count sheet first.</source>
        <translation>请先在盘点表中选择批号。</translation>
    </message>
    <message>
        <source>Start a stocktake first.</source>
        <translation>请先开始盘点。</translation>
    </message>
    <message>
        <source>Stocktake posted: {0} batch(es) corrected.</source>
        <translation>盘点已过账：已更正 {0} 个批号。</translation>
    </message>
</context>
<context>
    <name>StorageTab</name>
    <message>
        <source>(overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>Required when the reading is out of range</source>
        <translation>超出范围时必填</translation>
    </message>
    <message>
        <source>&amp;Corrective action</source>
        <translation>采取措施(&amp;C)</translation>
    </message>
    <message>
        <source>Sa&amp;ve reading</source>
        <translation>保存记录(&amp;V)</translation>
    </message>
    <message>
        <source>Set up the GSP&apos;s three areas</source>
        <translation>设置 GSP 三个储存区</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>温度 °C</translation>
    </message>
    <message>
        <source>%</source>
        <translation>湿度 %</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>采取措施</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>储存区域(&amp;A)</translation>
    </message>
    <message>
        <source>Ta&amp;ken at</source>
        <translation>记录时间(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>温度(&amp;T)</translation>
    </message>
    <message>
        <source>Hu&amp;midity</source>
        <translation>湿度(&amp;M)</translation>
    </message>
    <message>
        <source>No storage areas yet: the owner sets them up (常温区, 阴凉区, 冷藏柜).</source>
        <translation>尚无储存区域：由店主设置（常温区、阴凉区、冷藏柜）。</translation>
    </message>
    <message>
        <source>Readings due: {0}</source>
        <translation>待记录：{0}</translation>
    </message>
    <message>
        <source>Every reading due today is taken.</source>
        <translation>今日应记录的温湿度均已记录。</translation>
    </message>
    <message>
        <source>allowed {0}–{1} °C, {2}–{3} %</source>
        <translation>允许范围 {0}–{1} °C，{2}–{3} %</translation>
    </message>
    <message>
        <source>Slot: {0}</source>
        <translation>时段：{0}</translation>
    </message>
    <message>
        <source>&amp;Corrective action (required)</source>
        <translation>采取措施（必填）(&amp;C)</translation>
    </message>
    <message>
        <source>{0} storage area(s) added.</source>
        <translation>已添加 {0} 个储存区域。</translation>
    </message>
    <message>
        <source>Choose an area first.</source>
        <translation>请先选择储存区域。</translation>
    </message>
    <message>
        <source>Reading saved: {0}, {1}.</source>
        <translation>已保存：{0}，{1}。</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Your pharmacy</source>
        <translation>您的药店</translation>
    </message>
    <message>
        <source>The name and address appear on receipts and reports.</source>
        <translation>名称和地址会显示在小票和报表上。</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>Edit supplier</source>
        <translation>编辑供应商</translation>
    </message>
    <message>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>交货周期（天）</translation>
    </message>
    <message>
        <source>Review period (days)</source>
        <translation>补货检查周期（天）</translation>
    </message>
    <message>
        <source>Minimum order value</source>
        <translation>最低订货金额</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
</context>
<context>
    <name>SuppliersTab</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>交货周期</translation>
    </message>
    <message>
        <source>Review days</source>
        <translation>检查周期</translation>
    </message>
    <message>
        <source>Minimum order</source>
        <translation>最低订货额</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>New supplier…</source>
        <translation>新建供应商…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Supplier added.</source>
        <translation>供应商已添加。</translation>
    </message>
    <message>
        <source>Supplier saved.</source>
        <translation>供应商已保存。</translation>
    </message>
</context>
<context>
    <name>SuspendedDialog</name>
    <message>
        <source>Resume a suspended sale</source>
        <translation>取回挂单</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>挂单</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>取单</translation>
    </message>
    <message>
        <source>#{0}  {1}  by {2}</source>
        <translation>#{0}  {1}  {2} 挂单</translation>
    </message>
    <message>
        <source>#{0}  {1}</source>
        <translation>#{0}  {1}</translation>
    </message>
    <message>
        <source>{0} item(s)</source>
        <translation>{0} 件</translation>
    </message>
    <message>
        <source>(erased member)</source>
        <translation>（已删除的会员）</translation>
    </message>
    <message>
        <source>{0} · phone …{1}</source>
        <translation>{0} · 手机尾号 {1}</translation>
    </message>
    <message>
        <source>There is no suspended sale.</source>
        <translation>没有挂单。</translation>
    </message>
</context>
<context>
    <name>TakeRecordDialog</name>
    <message>
        <source>Complaint or feedback</source>
        <translation>投诉或反馈</translation>
    </message>
    <message>
        <source>What the customer said, in their words</source>
        <translation>顾客原话</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>walk-in customer</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>TextStepDialog</name>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Reopen the record</source>
        <translation>重新打开记录</translation>
    </message>
    <message>
        <source>Correct the account</source>
        <translation>更正内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>TillPage</name>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>挂单</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>取单</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>拆零</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>+ / − quantity · Del remove line · ↑↓ choose line</source>
        <translation>+ / − 改数量 · Del 删除行 · ↑↓ 选择行</translation>
    </message>
    <message>
        <source>Total {0}</source>
        <translation>合计 {0}</translation>
    </message>
    <message>
        <source>{0} item(s)</source>
        <translation>{0} 件</translation>
    </message>
    <message>
        <source>You saved {0}</source>
        <translation>已为您节省 {0}</translation>
    </message>
    <message>
        <source>Coupon {0}: {1}</source>
        <translation>优惠券 {0}：{1}</translation>
    </message>
    <message>
        <source>Coupon {0} applied</source>
        <translation>优惠券 {0} 已使用</translation>
    </message>
    <message>
        <source>{0} was not added: it needs a prescription.</source>
        <translation>{0} 未添加：需要处方。</translation>
    </message>
    <message>
        <source>Expired stock</source>
        <translation>过期库存</translation>
    </message>
    <message>
        <source>Write off the expired batches of {0} now?</source>
        <translation>现在报损 {0} 的过期批次吗？</translation>
    </message>
    <message>
        <source>{0} expired unit(s) of {1} written off.</source>
        <translation>已报损 {1} 的 {0} 件过期商品。</translation>
    </message>
    <message>
        <source>A sale is open: {0} item(s), {1}. Closing loses it.</source>
        <translation>有一笔未完成的销售：{0} 件，{1}。关闭将丢失这笔销售。</translation>
    </message>
    <message>
        <source>{0} suspended sale(s) wait to be resumed; they are kept.</source>
        <translation>有 {0} 笔挂单等待取回；挂单会保留。</translation>
    </message>
    <message>
        <source>Recorded; a pharmacist follows it up on the Service page.</source>
        <translation>已记录；药师将在服务页面跟进。</translation>
    </message>
    <message>
        <source>{0} unit(s) of medicine went to quarantine, not back on sale.</source>
        <translation>{0} 件药品已转入不合格品区（待处理），不再上架销售。</translation>
    </message>
    <message>
        <source>{0} was not added: it needs the buyer&apos;s ID number and name.</source>
        <translation>未加入 {0}：需要购买人的身份证号和姓名。</translation>
    </message>
    <message>
        <source>{0}: pack code {1} scanned ({2}/{3}).</source>
        <translation>{0}：已扫追溯码 {1}（{2}/{3}）。</translation>
    </message>
    <message>
        <source>the same medicine</source>
        <translation>同一药品</translation>
    </message>
    <message>
        <source>Allergy warning: {0} matches the member&apos;s recorded allergy ({1}). A pharmacist must confirm.</source>
        <translation>过敏提示：{0} 与会员登记的过敏史相符（{1}），须药师确认。</translation>
    </message>
    <message>
        <source>Duplicate therapy: {0} has the same active ingredient ({1}) as {2} bought recently, which lasts until {3}.</source>
        <translation>重复用药：{0} 与近期购买的 {2} 成分相同（{1}），该药可用至 {3}。</translation>
    </message>
    <message>
        <source>Duplicate therapy: {0} and {1} have the same active ingredient ({2}).</source>
        <translation>重复用药：{0} 与 {1} 成分相同（{2}）。</translation>
    </message>
    <message>
        <source>Duplicate therapy: {0} has the same active ingredient as a recent purchase still in use. Ask the pharmacist.</source>
        <translation>重复用药：{0} 与近期购买且仍在服用的药品成分相同，请咨询药师。</translation>
    </message>
    <message>
        <source>Allergy warning</source>
        <translation>过敏提示</translation>
    </message>
    <message>
        <source>Scan an item first.</source>
        <translation>请先扫描商品。</translation>
    </message>
    <message>
        <source>{0}: {1} {2} by the unit.</source>
        <translation>{0}：拆零 {1} {2}。</translation>
    </message>
    <message>
        <source>A pharmacist checks the pack of {0} opened for sale by the unit:</source>
        <translation>拆零拆开的 {0} 须由药师复核：</translation>
    </message>
    <message>
        <source>No pack was opened: a pharmacist must check it.</source>
        <translation>未拆开包装：须由药师复核。</translation>
    </message>
    <message>
        <source>Coupons taken off the sale.</source>
        <translation>已从本单取消优惠券。</translation>
    </message>
    <message>
        <source>Coupon {0} added: {1}</source>
        <translation>已添加优惠券 {0}：{1}</translation>
    </message>
    <message>
        <source>Coupon {0} added.</source>
        <translation>已添加优惠券 {0}。</translation>
    </message>
    <message>
        <source>Not confirmed by a pharmacist: nothing was charged.</source>
        <translation>药师未确认：未收款。</translation>
    </message>
    <message>
        <source> Change {0}.</source>
        <translation> 找零 {0}。</translation>
    </message>
    <message>
        <source>Sale {0} complete: {1}.{2}</source>
        <translation>销售 {0} 已完成：{1}。{2}</translation>
    </message>
    <message>
        <source>Not approved: nothing was charged. Change the discount or ask again.</source>
        <translation>未获批准：未收取任何费用。请修改折扣或重新申请。</translation>
    </message>
    <message>
        <source>Sale suspended as #{0}. F5 brings it back.</source>
        <translation>已挂单 #{0}。按 F5 取回。</translation>
    </message>
    <message>
        <source>Finish or suspend the current sale first.</source>
        <translation>请先完成当前销售或挂单。</translation>
    </message>
    <message>
        <source>There is no suspended sale.</source>
        <translation>没有挂单。</translation>
    </message>
    <message>
        <source>{0}: not confirmed</source>
        <translation>{0}：未确认</translation>
    </message>
    <message>
        <source>Resumed, but left out: {0}</source>
        <translation>已取单，但未包含：{0}</translation>
    </message>
    <message>
        <source>Sale resumed.</source>
        <translation>已取回挂单。</translation>
    </message>
    <message>
        <source>Return {0}: refund {1}.</source>
        <translation>退货 {0}：退款 {1}。</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Registered</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Care reminder</source>
        <translation>关怀提醒</translation>
    </message>
    <message>
        <source>Reminder outcome</source>
        <translation>提醒结果</translation>
    </message>
    <message>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>会员卡 %1</translation>
    </message>
    <message>
        <source>care reminders</source>
        <translation>关怀提醒</translation>
    </message>
    <message>
        <source>marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>agreed to %1</source>
        <translation>同意接收%1</translation>
    </message>
    <message>
        <source>withdrew %1</source>
        <translation>撤回%1</translation>
    </message>
    <message>
        <source>receipt %1, %2</source>
        <translation>小票 %1，%2</translation>
    </message>
    <message>
        <source>return %1, refund %2</source>
        <translation>退货 %1，退款 %2</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ValuePane</name>
    <message>
        <source>Valuable members at risk of lapsing</source>
        <translation>有流失风险的高价值会员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Chance still a customer</source>
        <translation>仍是顾客的可能性</translation>
    </message>
    <message>
        <source>12-month value</source>
        <translation>12 个月价值</translation>
    </message>
    <message>
        <source>Expected 90-day value</source>
        <translation>预计 90 天价值</translation>
    </message>
    <message>
        <source>Purchase days</source>
        <translation>购买天数</translation>
    </message>
    <message>
        <source>Weeks since first to last purchase</source>
        <translation>首次到末次购买的周数</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Valuable members at risk of lapsing, as of %1</source>
        <translation>截至 %1 有流失风险的高价值会员</translation>
    </message>
    <message>
        <source>%1 members with a purchase; the top 20 % by 12-month value (from %2) are %3 members, those least likely to still be active are listed first.</source>
        <translation>%1 位会员有购买记录；按 12 个月价值排名前 20%（自 %2 起）的有 %3 位，最不可能仍活跃的排在最前。</translation>
    </message>
    <message>
        <source>expected value of the next 90 days (currency units)</source>
        <translation>未来 90 天预计价值（元）</translation>
    </message>
    <message>
        <source>members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Expected 90-day value per member</source>
        <translation>每位会员的预计 90 天价值</translation>
    </message>
</context>
<context>
    <name>WorkPage</name>
    <message>
        <source>Creating the store</source>
        <translation>正在创建门店</translation>
    </message>
    <message>
        <source>Encrypting and preparing the store…</source>
        <translation>正在加密并准备门店…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>The store could not be created.</source>
        <translation>无法创建门店。</translation>
    </message>
    <message>
        <source>Your store is ready. Press Finish to start.</source>
        <translation>门店已准备就绪。按“完成”开始使用。</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>{0}: {1} rows imported.</source>
        <translation>{0}：已导入 {1} 行。</translation>
    </message>
    <message>
        <source>{0}: nothing imported, {1} problem(s) in the file; import it again later under Stock → Catalogue.</source>
        <translation>{0}：未导入任何数据，文件中有 {1} 个问题；以后可在“库存 → 商品目录”中重新导入。</translation>
    </message>
    <message>
        <source>The import was cancelled; the store was created without it.</source>
        <translation>导入已取消；门店已创建，但未包含导入的数据。</translation>
    </message>
</context>
<context>
    <name>ZReportWriter</name>
    <message>
        <source>Z report #{0}</source>
        <translation>Z 报表 #{0}</translation>
    </message>
    <message>
        <source>X report (the day is still open)</source>
        <translation>X 报表（当日尚未日结）</translation>
    </message>
    <message>
        <source>Sales from {0} to {1}</source>
        <translation>销售期间：{0} 至 {1}</translation>
    </message>
    <message>
        <source>Made {0} by {1}</source>
        <translation>{1} 制表于 {0}</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>sell</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>dispense prescription items</source>
        <translation>调配处方药</translation>
    </message>
    <message>
        <source>give discounts</source>
        <translation>给予折扣</translation>
    </message>
    <message>
        <source>give discounts above the limit</source>
        <translation>给予超过限额的折扣</translation>
    </message>
    <message>
        <source>change a price at the till</source>
        <translation>在收银台改价</translation>
    </message>
    <message>
        <source>approve refunds</source>
        <translation>批准退款</translation>
    </message>
    <message>
        <source>refund a non-cash payment in cash</source>
        <translation>将非现金支付以现金退款</translation>
    </message>
    <message>
        <source>close the day</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>register members</source>
        <translation>登记会员</translation>
    </message>
    <message>
        <source>edit members</source>
        <translation>编辑会员</translation>
    </message>
    <message>
        <source>see full member records</source>
        <translation>查看完整会员档案</translation>
    </message>
    <message>
        <source>handle privacy requests</source>
        <translation>处理隐私请求</translation>
    </message>
    <message>
        <source>edit the catalogue</source>
        <translation>编辑商品目录</translation>
    </message>
    <message>
        <source>change prices</source>
        <translation>修改价格</translation>
    </message>
    <message>
        <source>receive goods</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>adjust or write off stock</source>
        <translation>调整库存或报损</translation>
    </message>
    <message>
        <source>count stock</source>
        <translation>盘点库存</translation>
    </message>
    <message>
        <source>manage purchase orders</source>
        <translation>管理采购单</translation>
    </message>
    <message>
        <source>see reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <source>run analytics</source>
        <translation>运行数据分析</translation>
    </message>
    <message>
        <source>manage promotions and coupons</source>
        <translation>管理促销和优惠券</translation>
    </message>
    <message>
        <source>handle care reminders</source>
        <translation>处理关怀提醒</translation>
    </message>
    <message>
        <source>take complaints and enquiries</source>
        <translation>受理投诉和咨询</translation>
    </message>
    <message>
        <source>handle service records and ADR reports</source>
        <translation>处理服务记录和不良反应报告</translation>
    </message>
    <message>
        <source>reopen or correct service records</source>
        <translation>重新打开或更正服务记录</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>make or restore backups</source>
        <translation>备份或恢复数据</translation>
    </message>
    <message>
        <source>export to head office</source>
        <translation>向总部导出数据</translation>
    </message>
    <message>
        <source>see the audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <source>review the ephedrine buyers&apos; register</source>
        <translation>查看含麻黄碱药品购买登记</translation>
    </message>
    <message>
        <source>approve suppliers and products</source>
        <translation>审核首营企业和首营品种</translation>
    </message>
    <message>
        <source>record the acceptance of goods</source>
        <translation>记录药品验收</translation>
    </message>
    <message>
        <source>log storage temperature and humidity</source>
        <translation>记录库房温湿度</translation>
    </message>
    <message>
        <source>record maintenance checks</source>
        <translation>记录药品养护</translation>
    </message>
    <message>
        <source>move stock to quarantine</source>
        <translation>将药品移入待处理区</translation>
    </message>
    <message>
        <source>dispose of quarantined stock</source>
        <translation>处置不合格药品</translation>
    </message>
    <message>
        <source>witness the destruction of stock</source>
        <translation>作为销毁见证人签字</translation>
    </message>
    <message>
        <source>see the records kept for the inspector</source>
        <translation>查看供检查的 GSP 记录</translation>
    </message>
</context>
<context>
    <name>allergyClass</name>
    <message>
        <source>penicillins</source>
        <translation>青霉素类</translation>
    </message>
    <message>
        <source>cephalosporins</source>
        <translation>头孢菌素类</translation>
    </message>
    <message>
        <source>sulfonamides</source>
        <translation>磺胺类</translation>
    </message>
    <message>
        <source>NSAIDs</source>
        <translation>非甾体抗炎药</translation>
    </message>
    <message>
        <source>macrolides</source>
        <translation>大环内酯类</translation>
    </message>
    <message>
        <source>quinolones</source>
        <translation>喹诺酮类</translation>
    </message>
    <message>
        <source>codeine and opioids</source>
        <translation>可待因及阿片类</translation>
    </message>
</context>
<context>
    <name>analytics</name>
    <message>
        <source>Value over {months} months of revenue, a future month counted {discount:.0%} less than the one before.</source>
        <translation>价值按未来 {months} 个月的营业额计算，每往后一个月比前一个月少计 {discount:.0%}。</translation>
    </message>
    <message>
        <source>Visits model (BG/NBD, weeks): r={r:.4f} alpha={alpha:.4f} a={a:.4f} b={b:.4f}, log-likelihood {ll:.1f}, {n} members.</source>
        <translation>到店模型（BG/NBD，按周）：r={r:.4f} alpha={alpha:.4f} a={a:.4f} b={b:.4f}，对数似然 {ll:.1f}，{n} 位会员。</translation>
    </message>
    <message>
        <source>Spend model (Gamma-Gamma, cents): p={p:.4f} q={q:.4f} v={v:.2f}, {n} repeat buyers.</source>
        <translation>消费模型（Gamma-Gamma，单位：分）：p={p:.4f} q={q:.4f} v={v:.2f}，{n} 位回头客。</translation>
    </message>
    <message>
        <source>Extra buyers are the campaign group&apos;s buyers beyond what the held-out group suggests (95 % range: Newcombe interval); return = (extra gross margin - cost) / cost; cost per extra buyer = cost / extra buyers; member value = 12 months of margin.</source>
        <translation>新增购买人数 = 活动组中超出对照组预期的购买人数（95 % 范围：Newcombe 区间）；回报 =（新增毛利 − 成本）/ 成本；每位新增购买者成本 = 成本 / 新增购买人数；会员价值 = 12 个月的毛利。</translation>
    </message>
    <message>
        <source>Margin = paid - VAT - cost of the promoted lines, after returns.</source>
        <translation>毛利 = 促销商品行的实收 − 增值税 − 成本（已扣除退货）。</translation>
    </message>
    <message>
        <source>Effect: with a held-out group, the campaign group against it (95 % Newcombe range on conversion); otherwise sales on the promotion&apos;s days against the same weekdays before it (this does not see seasons or sales taken from other products).</source>
        <translation>效果：有对照组时，比较活动组与对照组（转化率的 95 % Newcombe 范围）；否则比较促销日的销售与此前相同星期几的销售（无法识别季节变化，也看不到从其他商品转移来的销售）。</translation>
    </message>
    <message>
        <source>Net effect = extra margin - discount given.</source>
        <translation>净效果 = 新增毛利 − 让利金额。</translation>
    </message>
    <message>
        <source>Replayed from {origins} starting days {step} days apart before {date}, each {step} days ahead; the simple rule orders up to 28 days of the last 90 days&apos; average sales when stock falls below 14 days; the previous rule orders up to s + f·R when stock is at or below s.</source>
        <translation>回放：{date} 之前每隔 {step} 天取一个起点，共 {origins} 个起点，每次向后看 {step} 天；简单规则在库存低于 14 天用量时补到前 90 天日均销量的 28 天；旧规则在库存不高于 s 时补到 s + f·R。</translation>
    </message>
    <message>
        <source>{rules} pairings found in {baskets} baskets (sales with 2 or more products); prescription-only and controlled products are never suggested.</source>
        <translation>在 {baskets} 个购物篮（含 2 种及以上商品的销售）中找到 {rules} 个搭配；处方药和管制药品从不推荐。</translation>
    </message>
    <message>
        <source>Hit rate of the top {k} suggestions: learnt from baskets before {split}, tested on {scored} baskets from {split} to {end} (one item hidden per basket).</source>
        <extracomment>Weight of the item&apos;s base popularity in the till&apos;s score (see :func:`cooccurrence_index` and the module doc).</extracomment>
        <translation>前 {k} 个推荐的命中率：用 {split} 之前的购物篮学习，在 {split} 至 {end} 的 {scored} 个购物篮上检验（每个购物篮隐藏一件商品）。</translation>
    </message>
    <message>
        <source>From {first} to {last} (local dates, both days included), compared with {previous_first} to {previous_last}.</source>
        <translation>从 {first} 到 {last}（本地日期，含首尾两天），与 {previous_first} 到 {previous_last} 比较。</translation>
    </message>
    <message>
        <source>From {first} to {last} (local dates, both days included).</source>
        <translation>从 {first} 到 {last}（本地日期，含首尾两天）。</translation>
    </message>
    <message>
        <source>{kind}: {count}</source>
        <translation>{kind}：{count} 条</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Reminders on {date}: {kinds}</source>
        <translation>{date} 的提醒：{kinds}</translation>
    </message>
    <message>
        <source>Rules: a refill is due {due} days before the medicine runs out and overdue {grace} days after; adherence (PDC) is measured over {window} days and flagged below {threshold:.0%}; a member has lapsed after {floor} days or {factor:g} times their usual interval, whichever is longer; call when they take 2 or more chronic medicines or are overdue, else send a message.</source>
        <translation>规则：药品用完前 {due} 天提醒续药，用完 {grace} 天后仍未续药即为逾期；依从性（PDC）按 {window} 天计算，低于 {threshold:.0%} 时标出；会员超过 {floor} 天或其平常间隔的 {factor:g} 倍（取较长者）未到店即为流失；服用 2 种及以上慢病药或已逾期的打电话，其余发短信。</translation>
    </message>
    <message>
        <source>{k} groups: the number that separates members best (silhouette on a sample of {sample} members; groups: score {tried})</source>
        <translation>分为 {k} 组：这是最能区分会员的组数（轮廓系数，抽样 {sample} 位会员；组数：得分 {tried}）</translation>
    </message>
    <message>
        <source>{k} groups, as asked</source>
        <translation>按要求分为 {k} 组</translation>
    </message>
    <message>
        <source>How stable the groups are: {stability:.2f} (1 = the same groups every time; mean adjusted Rand index over {runs} bootstrap refits, lowest {low:.2f})</source>
        <translation>分组的稳定程度：{stability:.2f}（1 = 每次分组完全相同；{runs} 次自助重抽样重新拟合的平均调整兰德指数，最低 {low:.2f}）</translation>
    </message>
    <message>
        <source>On {date}: {count} products to order, costing {cost:,.2f}; stock on hand at cost {stock:,.2f}; expected fill rate {fill:.1f} % with about {cover:.1f} days of cover.</source>
        <translation>{date}：需订购 {count} 个商品，金额 {cost:,.2f}；现有库存成本 {stock:,.2f}；预计满足率 {fill:.1f} %，约可供 {cover:.1f} 天。</translation>
    </message>
    <message>
        <source>Settings: in stock in {low:.0%} to {high:.0%} of order cycles by category (Settings → Reorder), {window} days of sales history (a year more for the yearly season), {margin} days&apos; margin before expiry.</source>
        <translation>设置：按品类，{low:.0%} 至 {high:.0%} 的订货周期不缺货（设置 → 补货），使用 {window} 天销售历史（季节性再加一年），距效期留 {margin} 天余量。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Building the demo store…</source>
        <translation>正在生成演示门店…</translation>
    </message>
    <message>
        <source>PharmaDesk demo</source>
        <translation>PharmaDesk 演示</translation>
    </message>
    <message>
        <source>The demo store could not be built:
{0}</source>
        <translation>无法生成演示门店：
{0}</translation>
    </message>
    <message>
        <source>Demo accounts:</source>
        <translation>演示账户：</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Last backup: never</source>
        <translation>上次备份：从未备份</translation>
    </message>
    <message>
        <source>Last backup: {0}</source>
        <translation>上次备份：{0}</translation>
    </message>
</context>
<context>
    <name>care</name>
    <message>
        <source>refill due</source>
        <extracomment>The kinds in words (context &quot;care&quot;, the same words the care worklist shows).</extracomment>
        <translation>待续药</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>low adherence</source>
        <translation>依从性低</translation>
    </message>
    <message>
        <source>medication sync</source>
        <translation>同步取药</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>{product} runs out on {run_out}</source>
        <translation>{product} 将于 {run_out} 用完</translation>
    </message>
    <message>
        <source>{product} ran out on {run_out}: {days_late} days without a refill</source>
        <translation>{product} 已于 {run_out} 用完：已 {days_late} 天未续药</translation>
    </message>
    <message>
        <source>{product}: {pdc_pct}% of days covered in the last {window} days (below {threshold_pct}%)</source>
        <translation>{product}：最近 {window} 天的用药覆盖率为 {pdc_pct}%（低于 {threshold_pct}%）</translation>
    </message>
    <message>
        <source>{n_products} chronic medicines run out on different days; one pickup day: {sync_day}</source>
        <translation>{n_products} 种慢病药在不同日期用完；建议统一取药日：{sync_day}</translation>
    </message>
    <message>
        <source>no visit for {days_since} days (usually every {usual} days)</source>
        <translation>已 {days_since} 天未到店（平时每 {usual} 天一次）</translation>
    </message>
    <message>
        <source>birthday on {birthday}</source>
        <translation>{birthday} 生日</translation>
    </message>
    <message>
        <source>Hello {name}, this is {store}. Your {product} will run out on {run_out}. Shall we have your refill ready for you?</source>
        <translation>{name}您好，这里是{store}。您的{product}将于 {run_out} 用完。需要我们提前为您备好续药吗？</translation>
    </message>
    <message>
        <source>Hello {name}, this is {store}. Our records show your {product} ran out on {run_out}. Is everything all right? We can have your refill ready today.</source>
        <translation>{name}您好，这里是{store}。我们的记录显示您的{product}已于 {run_out} 用完。您一切都好吗？我们今天就可以为您备好续药。</translation>
    </message>
    <message>
        <source>Hello {name}, this is {store}. We noticed some gaps between your {product} refills. Would a reminder before each refill help? The pharmacist is happy to talk it through.</source>
        <translation>{name}您好，这里是{store}。我们注意到您的{product}续药之间有些间断。每次续药前提醒您一下会有帮助吗？药师也很乐意和您详细聊聊。</translation>
    </message>
    <message>
        <source>Hello {name}, this is {store}. We could line up your medicines so you collect them all on one day, starting {sync_day}. Would that be easier for you?</source>
        <translation>{name}您好，这里是{store}。从 {sync_day} 起，我们可以把您的几种药安排在同一天取，这样会更方便吗？</translation>
    </message>
    <message>
        <source>Hello {name}, this is {store}. We have not seen you for a while. Is there anything we can help you with?</source>
        <translation>{name}您好，这里是{store}。好久没见到您了，有什么需要我们帮忙的吗？</translation>
    </message>
    <message>
        <source>Happy birthday, {name}! Best wishes from everyone at {store}.</source>
        <translation>{name}，生日快乐！{store}全体同仁祝您健康快乐。</translation>
    </message>
    <message>
        <source>there</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>your pharmacy</source>
        <translation>您的药店</translation>
    </message>
    <message>
        <source>called</source>
        <translation>已致电</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>refilled</source>
        <translation>已续药</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <source>chronic</source>
        <translation>慢病用药</translation>
    </message>
    <message>
        <source>acute</source>
        <translation>急症用药</translation>
    </message>
    <message>
        <source>OTC</source>
        <translation>非处方药</translation>
    </message>
    <message>
        <source>supplement</source>
        <translation>保健品</translation>
    </message>
    <message>
        <source>mother &amp; baby</source>
        <translation>母婴</translation>
    </message>
    <message>
        <source>personal care</source>
        <translation>个人护理</translation>
    </message>
    <message>
        <source>device</source>
        <translation>医疗器械</translation>
    </message>
    <message>
        <source>Rx only</source>
        <translation>处方药</translation>
    </message>
    <message>
        <source>controlled</source>
        <translation>特殊管理药品</translation>
    </message>
    <message>
        <source>OTC class A (甲类)</source>
        <translation>甲类 OTC</translation>
    </message>
    <message>
        <source>OTC class B (乙类)</source>
        <translation>乙类 OTC</translation>
    </message>
    <message>
        <source>ambient (常温)</source>
        <translation>常温</translation>
    </message>
    <message>
        <source>cool, ≤ 20 °C (阴凉)</source>
        <translation>阴凉（≤ 20 °C）</translation>
    </message>
    <message>
        <source>cold chain, 2–8 °C (冷藏)</source>
        <translation>冷藏（2–8 °C）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>China GSP (零售药店)</source>
        <translation>中国 GSP（零售药店）</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>partly received</source>
        <translation>部分收货</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>member price</source>
        <translation>会员价</translation>
    </message>
    <message>
        <source>percent off</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>amount off</source>
        <translation>立减</translation>
    </message>
    <message>
        <source>Nth item off</source>
        <translation>第N件优惠</translation>
    </message>
    <message>
        <source>buy X get Y</source>
        <translation>买X送Y</translation>
    </message>
    <message>
        <source>spend X save Y</source>
        <translation>满减</translation>
    </message>
    <message>
        <source>coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>extra points</source>
        <translation>积分加倍</translation>
    </message>
    <message>
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>exclusive</source>
        <translation>独享</translation>
    </message>
    <message>
        <source>stacks</source>
        <translation>可叠加</translation>
    </message>
    <message>
        <source>best for customer</source>
        <translation>择优</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>complaint</source>
        <extracomment>Service records (core.service): kinds, statuses, outcomes, ADR seriousness and course.</extracomment>
        <translation>投诉</translation>
    </message>
    <message>
        <source>follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>adverse reaction (ADR)</source>
        <translation>药品不良反应</translation>
    </message>
    <message>
        <source>return / quality feedback</source>
        <translation>退货/质量反馈</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已更换</translation>
    </message>
    <message>
        <source>not upheld</source>
        <translation>不成立</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>已转介</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>not reportable</source>
        <translation>无需上报</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>taken by staff</source>
        <translation>店员受理</translation>
    </message>
    <message>
        <source>after a first purchase</source>
        <translation>首次购药后</translation>
    </message>
    <message>
        <source>after a complaint</source>
        <translation>投诉后</translation>
    </message>
    <message>
        <source>general</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>serious</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>recovered</source>
        <translation>痊愈</translation>
    </message>
    <message>
        <source>improving</source>
        <translation>好转</translation>
    </message>
    <message>
        <source>not recovered</source>
        <translation>未好转</translation>
    </message>
    <message>
        <source>recovered with sequelae</source>
        <translation>有后遗症</translation>
    </message>
    <message>
        <source>death</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>vs campaign holdout</source>
        <extracomment>How a promotion&apos;s effect was measured (analytics.models.promotions.METHODS).</extracomment>
        <translation>对比活动对照组</translation>
    </message>
    <message>
        <source>vs same weekdays before</source>
        <translation>对比此前同星期几</translation>
    </message>
    <message>
        <source>paid for itself (+%1)</source>
        <extracomment>The verdicts of analytics.models.promotions.VERDICTS; %1 is the amount in currency units.</extracomment>
        <translation>已回本（+%1）</translation>
    </message>
    <message>
        <source>cost %1 more than it brought</source>
        <translation>投入比带来的多 %1</translation>
    </message>
    <message>
        <source>too early to tell</source>
        <translation>尚早，无法判断</translation>
    </message>
    <message>
        <source>no days to compare with yet</source>
        <translation>暂无可比较的日期</translation>
    </message>
</context>
<context>
    <name>consent_sources</name>
    <message>
        <source>paper form</source>
        <translation>纸质表格</translation>
    </message>
    <message>
        <source>verbal</source>
        <translation>口头</translation>
    </message>
    <message>
        <source>app</source>
        <translation>应用程序</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Net sales (VAT incl., after refunds)</source>
        <translation>净销售额（含税，已扣退款）</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易笔数</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Items per basket</source>
        <translation>每单件数</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Gross margin %</source>
        <translation>毛利率 %</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>活跃会员</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Inventory value</source>
        <translation>库存价值</translation>
    </message>
    <message>
        <source>Inventory turnover</source>
        <translation>库存周转</translation>
    </message>
    <message>
        <source>Near-expiry value (90 days)</source>
        <translation>近效期价值（90 天）</translation>
    </message>
    <message>
        <source>Reminder conversion</source>
        <translation>提醒转化率</translation>
    </message>
    <message>
        <source>Cost per extra buyer</source>
        <translation>每增量顾客成本</translation>
    </message>
    <message>
        <source>Campaign uplift</source>
        <translation>活动增量转化</translation>
    </message>
    <message>
        <source>Last 7 full days (to yesterday)</source>
        <translation>最近 7 个整天（截至昨天）</translation>
    </message>
    <message>
        <source>Last 30 full days (to yesterday)</source>
        <translation>最近 30 个整天（截至昨天）</translation>
    </message>
    <message>
        <source>Last 90 full days (to yesterday)</source>
        <translation>最近 90 个整天（截至昨天）</translation>
    </message>
    <message>
        <source>This month (with today)</source>
        <translation>本月（含今天）</translation>
    </message>
    <message>
        <source>Campaign ROI</source>
        <translation>活动投资回报率</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The backup {name} is damaged and cannot be used: {problem}. Use an older backup.</source>
        <translation>备份 {name} 已损坏，无法使用：{problem}。请使用更早的备份。</translation>
    </message>
    <message>
        <source>The store file is damaged and cannot be used safely. Restore the latest good backup: {backup}</source>
        <translation>门店数据文件已损坏，无法安全使用。请恢复最近的完好备份：{backup}</translation>
    </message>
    <message>
        <source>The store file is damaged and cannot be used safely. Restore it from your latest backup (backups were kept in {folder}).</source>
        <translation>门店数据文件已损坏，无法安全使用。请从最近的备份恢复（备份保存在 {folder}）。</translation>
    </message>
    <message>
        <source>The store file is damaged and cannot be used safely. Restore it from your latest backup.</source>
        <translation>门店数据文件已损坏，无法安全使用。请从最近的备份恢复。</translation>
    </message>
    <message>
        <source>Confirmed sales are missing from the store file (the last one was receipt {receipt}); its journal file was probably deleted while PharmaDesk was running. Restore the latest good backup: {backup}</source>
        <translation>门店数据文件中缺少已确认的销售（最后一笔是小票 {receipt}）；很可能是在 PharmaDesk 运行时删除了它的日志文件。请恢复最近的完好备份：{backup}</translation>
    </message>
    <message>
        <source>Confirmed sales are missing from the store file (the last one was receipt {receipt}); its journal file was probably deleted while PharmaDesk was running. Restore it from your latest backup (backups were kept in {folder}).</source>
        <translation>门店数据文件中缺少已确认的销售（最后一笔是小票 {receipt}）；很可能是在 PharmaDesk 运行时删除了它的日志文件。请从最近的备份恢复（备份保存在 {folder}）。</translation>
    </message>
    <message>
        <source>Confirmed sales are missing from the store file (the last one was receipt {receipt}); its journal file was probably deleted while PharmaDesk was running. Restore it from your latest backup.</source>
        <translation>门店数据文件中缺少已确认的销售（最后一笔是小票 {receipt}）；很可能是在 PharmaDesk 运行时删除了它的日志文件。请从最近的备份恢复。</translation>
    </message>
    <message>
        <source>Cannot write to the backup folder {folder}: {reason}</source>
        <translation>无法写入备份文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>The backup did not verify ({problem}); it was not kept. The store itself may be damaged: run a check.</source>
        <translation>备份校验未通过（{problem}），未予保留。门店数据本身可能已损坏：请运行检查。</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {reason}</source>
        <translation>无法将备份写入 {folder}：{reason}</translation>
    </message>
    <message>
        <source>Choose a folder for the backup first.</source>
        <translation>请先选择备份文件夹。</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not available. Is the USB drive or second disk connected?</source>
        <translation>备份文件夹 {folder} 不可用。U 盘或第二块硬盘是否已连接？</translation>
    </message>
    <message>
        <source>Open the store again to make a backup.</source>
        <translation>请重新打开门店数据后再备份。</translation>
    </message>
    <message>
        <source>There is no backup folder at {path}.</source>
        <translation>{path} 处没有备份文件夹。</translation>
    </message>
    <message>
        <source>The restored copy differs from the backup; the target disk may be failing. Nothing was changed.</source>
        <translation>恢复的副本与备份不一致；目标磁盘可能有故障。未做任何更改。</translation>
    </message>
    <message>
        <source>That barcode&apos;s check digit is wrong; scan it again.</source>
        <translation>该条码的校验位错误，请重新扫描。</translation>
    </message>
    <message>
        <source>A product code is an EAN/UPC barcode or 3 to 32 letters and digits.</source>
        <translation>商品编码须为 EAN/UPC 条码，或 3 至 32 位字母和数字。</translation>
    </message>
    <message>
        <source>{field}: enter a whole number.</source>
        <translation>{field}：请输入整数。</translation>
    </message>
    <message>
        <source>{field}: enter a whole number from {low} to {high}.</source>
        <translation>{field}：请输入 {low} 至 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>Only an OTC product has an OTC class (甲类 / 乙类).</source>
        <translation>只有非处方药才有甲类 / 乙类之分。</translation>
    </message>
    <message>
        <source>A product sold by the unit (split pack) needs the unit&apos;s name and price.</source>
        <translation>拆零销售的商品需要填写拆零单位名称和单价。</translation>
    </message>
    <message>
        <source>Set the units per pack before a unit price.</source>
        <translation>请先设置每包装的拆零数量，再设置拆零单价。</translation>
    </message>
    <message>
        <source>Under China GSP a medical device needs its registration number (注册证号, e.g. 国械注准 + 11 digits) or filing number (械备) in the approval number field.</source>
        <translation>按中国 GSP，医疗器械须在批准文号一栏填写注册证号（如 国械注准 + 11 位数字）或备案号（械备）。</translation>
    </message>
    <message>
        <source>Under China GSP a medicine needs its approval number (批准文号, e.g. 国药准字H20013062).</source>
        <translation>按中国 GSP，药品须填写批准文号（如 国药准字H20013062）。</translation>
    </message>
    <message>
        <source>Unknown supplier field.</source>
        <translation>未知的供应商字段。</translation>
    </message>
    <message>
        <source>Enter the supplier&apos;s name.</source>
        <translation>请输入供应商名称。</translation>
    </message>
    <message>
        <source>A supplier with that name already exists.</source>
        <translation>已存在同名供应商。</translation>
    </message>
    <message>
        <source>No such supplier.</source>
        <translation>没有该供应商。</translation>
    </message>
    <message>
        <source>Unknown product field.</source>
        <translation>未知的商品字段。</translation>
    </message>
    <message>
        <source>Enter the product&apos;s name.</source>
        <translation>请输入商品名称。</translation>
    </message>
    <message>
        <source>{field} is too long.</source>
        <translation>{field}过长。</translation>
    </message>
    <message>
        <source>That ATC code is not valid (e.g. C09AA05).</source>
        <translation>该 ATC 编码无效（例如 C09AA05）。</translation>
    </message>
    <message>
        <source>Unknown product category; use one of: {categories}.</source>
        <translation>未知的商品类别；请使用以下之一：{categories}。</translation>
    </message>
    <message>
        <source>Legal class must be OTC, Rx or controlled.</source>
        <translation>管理类别须为非处方药、处方药或特殊管理药品。</translation>
    </message>
    <message>
        <source>OTC class must be A (甲类) or B (乙类).</source>
        <translation>非处方药类别须为甲类或乙类。</translation>
    </message>
    <message>
        <source>Storage condition must be ambient, cool (≤ 20 °C) or cold (2–8 °C).</source>
        <translation>储存条件须为常温、阴凉（≤ 20 °C）或冷藏（2–8 °C）。</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>{field}为必填项。</translation>
    </message>
    <message>
        <source>Another product already has that barcode.</source>
        <translation>已有其他商品使用该条码。</translation>
    </message>
    <message>
        <source>No product matches “{text}”.</source>
        <translation>没有与“{text}”匹配的商品。</translation>
    </message>
    <message>
        <source>Unknown kind of reminder.</source>
        <extracomment>The consent each kind of reminder needs: birthdays are marketing, everything else is care.</extracomment>
        <translation>未知的提醒类型。</translation>
    </message>
    <message>
        <source>A reminder goes by phone or SMS.</source>
        <translation>提醒只能通过电话或短信发送。</translation>
    </message>
    <message>
        <source>Choose a member.</source>
        <translation>请选择会员。</translation>
    </message>
    <message>
        <source>This member has not agreed to this kind of message ({consent}).</source>
        <translation>该会员未同意接收此类消息（{consent}）。</translation>
    </message>
    <message>
        <source>A refill reminder names its medicine.</source>
        <translation>续药提醒必须指明药品。</translation>
    </message>
    <message>
        <source>No such product.</source>
        <translation>没有该商品。</translation>
    </message>
    <message>
        <source>Refill reminders are for maintenance medicines (with days of supply).</source>
        <translation>续药提醒仅适用于长期用药（有供药天数）。</translation>
    </message>
    <message>
        <source>This kind of reminder names no medicine.</source>
        <translation>此类提醒不指明药品。</translation>
    </message>
    <message>
        <source>Say why the member is reminded.</source>
        <translation>请说明提醒会员的原因。</translation>
    </message>
    <message>
        <source>The reason is too long.</source>
        <translation>原因太长。</translation>
    </message>
    <message>
        <source>The outcome is called, no answer, refilled or declined.</source>
        <translation>结果只能是：已致电、无人接听、已续药或已拒绝。</translation>
    </message>
    <message>
        <source>No such reminder.</source>
        <translation>没有这条提醒。</translation>
    </message>
    <message>
        <source>The channel is phone, SMS or in person.</source>
        <translation>渠道只能是电话、短信或当面。</translation>
    </message>
    <message>
        <source>No product has this barcode.</source>
        <translation>没有商品使用此条码。</translation>
    </message>
    <message>
        <source>A number is far too large.</source>
        <translation>数字过大。</translation>
    </message>
    <message>
        <source>The text contains broken characters (from a damaged file or paste); type it again.</source>
        <translation>文本含有乱码字符（来自损坏的文件或粘贴），请重新输入。</translation>
    </message>
    <message>
        <source>The database could not be opened with this key: the key is wrong or the file is damaged.</source>
        <translation>无法用此密钥打开数据库：密钥错误或文件已损坏。</translation>
    </message>
    <message>
        <source>The store file is not a PharmaDesk database.</source>
        <translation>该门店文件不是 PharmaDesk 数据库。</translation>
    </message>
    <message>
        <source>The store&apos;s journal file (pharmadesk.db-wal) was deleted or replaced while PharmaDesk was running. This last change was NOT saved; everything confirmed before it is safe in the store file. Close PharmaDesk and start it again.</source>
        <translation>门店的日志文件（pharmadesk.db-wal）在 PharmaDesk 运行时被删除或替换。刚才这项更改没有保存；此前确认的所有内容都已安全写入门店数据文件。请关闭 PharmaDesk 并重新启动。</translation>
    </message>
    <message>
        <source>The store&apos;s journal file (pharmadesk.db-wal) was deleted or replaced while PharmaDesk was running. This last change was NOT saved, and the latest confirmed sales are not yet safe: keep PharmaDesk open, close every other PharmaDesk window on this PC, then try again.</source>
        <translation>门店的日志文件（pharmadesk.db-wal）在 PharmaDesk 运行时被删除或替换。刚才这项更改没有保存，最近确认的销售也尚未安全写入：请保持 PharmaDesk 打开，关闭本机上其他所有 PharmaDesk 窗口，然后重试。</translation>
    </message>
    <message>
        <source>The key file pharmadesk.key is damaged ({problem}). Restore it from a backup of this store; the recovery passphrase is not the cause.</source>
        <translation>密钥文件 pharmadesk.key 已损坏（{problem}）。请从本门店的备份中恢复该文件；问题不在于恢复口令。</translation>
    </message>
    <message>
        <source>The recovery passphrase must have at least {n} characters.</source>
        <translation>恢复口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>That recovery passphrase is not correct. Nothing was changed.</source>
        <translation>恢复口令不正确。未做任何更改。</translation>
    </message>
    <message>
        <source>The key file pharmadesk.key is missing from the store folder.</source>
        <translation>门店文件夹中缺少密钥文件 pharmadesk.key。</translation>
    </message>
    <message>
        <source>Enter the store&apos;s recovery passphrase to unlock it.</source>
        <translation>请输入门店的恢复口令以解锁。</translation>
    </message>
    <message>
        <source>This store was made by a newer PharmaDesk (schema {found}). Please update the program.</source>
        <translation>此门店数据由更新版本的 PharmaDesk 创建（结构版本 {found}）。请更新程序。</translation>
    </message>
    <message>
        <source>{field}: enter an amount such as 12.50.</source>
        <translation>{field}：请输入金额，例如 12.50。</translation>
    </message>
    <message>
        <source>{field}: the amount is too large.</source>
        <translation>{field}：金额过大。</translation>
    </message>
    <message>
        <source>{field}: enter a percentage from 0 to 100, e.g. 13.</source>
        <translation>{field}：请输入 0 至 100 的百分比，例如 13。</translation>
    </message>
    <message>
        <source>The code was turned into a number like 4.0E+12 by the spreadsheet; format that column as text.</source>
        <translation>编码被电子表格转换成了 4.0E+12 之类的数字；请将该列设置为文本格式。</translation>
    </message>
    <message>
        <source>{field}: enter a number of packs from {low} to {high}, e.g. 2 or 0.5.</source>
        <translation>{field}：请输入 {low} 到 {high} 之间的包数，例如 2 或 0.5。</translation>
    </message>
    <message>
        <source>{field}: enter a date as YYYY-MM-DD.</source>
        <translation>{field}：请按 YYYY-MM-DD 格式输入日期。</translation>
    </message>
    <message>
        <source>{field}: enter yes or no.</source>
        <translation>{field}：请输入 yes 或 no。</translation>
    </message>
    <message>
        <source>A member with this phone number already exists.</source>
        <translation>已有会员使用此电话号码。</translation>
    </message>
    <message>
        <source>That card number is already in use.</source>
        <translation>该会员卡号已被使用。</translation>
    </message>
    <message>
        <source>Enter a phone number of 7 to 15 digits.</source>
        <translation>请输入 7 至 15 位数字的电话号码。</translation>
    </message>
    <message>
        <source>That birth date is not possible.</source>
        <translation>该出生日期不可能。</translation>
    </message>
    <message>
        <source>Enter the member&apos;s name.</source>
        <translation>请输入会员姓名。</translation>
    </message>
    <message>
        <source>A name cannot contain control characters or text-direction codes.</source>
        <translation>姓名不能包含控制字符或文字方向控制符。</translation>
    </message>
    <message>
        <source>Unknown language; choose one of: {languages}.</source>
        <translation>未知的语言；请选择以下之一：{languages}。</translation>
    </message>
    <message>
        <source>Sex must be F, M or X.</source>
        <translation>性别须为 F、M 或 X。</translation>
    </message>
    <message>
        <source>A condition name is too long.</source>
        <translation>病症名称过长。</translation>
    </message>
    <message>
        <source>Only a pharmacist may record health information.</source>
        <translation>只有药剂师可以记录健康信息。</translation>
    </message>
    <message>
        <source>Unknown member field.</source>
        <translation>未知的会员字段。</translation>
    </message>
    <message>
        <source>Another member already has that {field}.</source>
        <translation>已有其他会员使用该{field}。</translation>
    </message>
    <message>
        <source>Consent is for care reminders or marketing.</source>
        <translation>同意事项须为关怀提醒或营销。</translation>
    </message>
    <message>
        <source>Say how the consent was given.</source>
        <translation>请说明同意的方式。</translation>
    </message>
    <message>
        <source>The member has only {points} points.</source>
        <translation>该会员只有 {points} 积分。</translation>
    </message>
    <message>
        <source>No such member.</source>
        <translation>没有该会员。</translation>
    </message>
    <message>
        <source>This member&apos;s data has been erased; the member can no longer be used or changed.</source>
        <translation>该会员的数据已被删除；此会员无法再使用或修改。</translation>
    </message>
    <message>
        <source>No member has this card.</source>
        <translation>没有会员持有此卡。</translation>
    </message>
    <message>
        <source>No member has this phone number.</source>
        <translation>没有会员使用此电话号码。</translation>
    </message>
    <message>
        <source>Members cannot be sorted that way.</source>
        <translation>会员不能按此方式排序。</translation>
    </message>
    <message>
        <source>{field}: use a point for decimals, e.g. 12.50.</source>
        <translation>{field}：小数请使用小数点，例如 12.50。</translation>
    </message>
    <message>
        <source>Export to a .json or a .pdf file.</source>
        <translation>请导出为 .json 或 .pdf 文件。</translation>
    </message>
    <message>
        <source>The folder for the export does not exist.</source>
        <translation>导出文件夹不存在。</translation>
    </message>
    <message>
        <source>The file cannot be read; check its name and location.</source>
        <translation>无法读取该文件；请检查文件名和位置。</translation>
    </message>
    <message>
        <source>This file is not an export made by this store, or it was changed after the export.</source>
        <translation>此文件不是本门店导出的文件，或导出后已被修改。</translation>
    </message>
    <message>
        <source>This member&apos;s data has already been erased.</source>
        <translation>该会员的数据已被删除。</translation>
    </message>
    <message>
        <source>Export to a .csv or an .xlsx file.</source>
        <translation>请导出为 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>The sale has no items.</source>
        <translation>本次销售没有商品。</translation>
    </message>
    <message>
        <source>A sale can have at most {n} lines.</source>
        <translation>一笔销售最多 {n} 行。</translation>
    </message>
    <message>
        <source>Attach the member to redeem points.</source>
        <translation>请先关联会员才能使用积分抵扣。</translation>
    </message>
    <message>
        <source>This coupon is not valid at this time.</source>
        <translation>此优惠券当前不可用。</translation>
    </message>
    <message>
        <source>This coupon is not for this customer.</source>
        <translation>此优惠券不适用于该顾客。</translation>
    </message>
    <message>
        <source>Nothing in the cart is eligible for this coupon.</source>
        <translation>购物车中没有可用此优惠券的商品。</translation>
    </message>
    <message>
        <source>This coupon cannot apply: the eligible items are already sold at cost.</source>
        <translation>此优惠券无法使用：适用商品已按成本价销售。</translation>
    </message>
    <message>
        <source>This coupon does not combine with the better promotions in this cart.</source>
        <translation>此优惠券不能与本单中更优惠的促销同时使用。</translation>
    </message>
    <message>
        <source>This coupon needs {threshold} spent on eligible items; the cart has {eligible}.</source>
        <translation>此优惠券需适用商品满 {threshold} 才能使用；本单适用商品为 {eligible}。</translation>
    </message>
    <message>
        <source>This coupon cannot be used in this sale.</source>
        <translation>此优惠券不能用于本次销售。</translation>
    </message>
    <message>
        <source>Points can pay for at most the whole sale.</source>
        <translation>积分抵扣不能超过销售总额。</translation>
    </message>
    <message>
        <source>This coupon is already in the sale.</source>
        <translation>此优惠券已在本单中。</translation>
    </message>
    <message>
        <source>Only one coupon of the same promotion can be used in a sale.</source>
        <translation>同一促销的优惠券每单只能使用一张。</translation>
    </message>
    <message>
        <source>{product} is no longer sold.</source>
        <translation>{product} 已停售。</translation>
    </message>
    <message>
        <source>A discount cannot exceed the line&apos;s price.</source>
        <translation>折扣不能超过该行金额。</translation>
    </message>
    <message>
        <source>{product} needs a prescription: enter prescriber and number.</source>
        <translation>{product} 需要处方：请输入开方医生和处方编号。</translation>
    </message>
    <message>
        <source>This prescription is more than a year old.</source>
        <translation>此处方已超过一年。</translation>
    </message>
    <message>
        <source>The prescription image is larger than 5 MB: scan it at a lower resolution.</source>
        <translation>处方图片超过 5 MB：请以较低分辨率扫描。</translation>
    </message>
    <message>
        <source>The prescription image cannot be read.</source>
        <translation>无法读取处方图片。</translation>
    </message>
    <message>
        <source>The prescription image must be a PNG or JPEG picture.</source>
        <translation>处方图片须为 PNG 或 JPEG 格式。</translation>
    </message>
    <message>
        <source>{product}: a pharmacist must check the dispensed medicine.</source>
        <translation>{product}：须由药师核对调配的药品。</translation>
    </message>
    <message>
        <source>{product}: the check must be signed by a second pharmacist, not by whoever reviewed or dispensed it.</source>
        <translation>{product}：核对须由另一名药师签名，不能是审核人或调配人。</translation>
    </message>
    <message>
        <source>Give the reason one pharmacist signs both the review and the check.</source>
        <translation>请说明由同一药师同时审核和核对的原因。</translation>
    </message>
    <message>
        <source>{product} is prescription-only: a pharmacist must confirm it.</source>
        <translation>{product} 为处方药：须由药剂师确认。</translation>
    </message>
    <message>
        <source>That approval is not valid here: ask again.</source>
        <translation>该授权在此无效：请重新授权。</translation>
    </message>
    <message>
        <source>Prescription fields: at most {n} characters on one line.</source>
        <translation>处方各栏：一行最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>Enter the institution that issued the prescription.</source>
        <translation>请填写开具处方的医疗机构。</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>No such prescription.</source>
        <translation>没有这张处方。</translation>
    </message>
    <message>
        <source>Choose how the refund is paid back.</source>
        <translation>请选择退款方式。</translation>
    </message>
    <message>
        <source>Take payment first.</source>
        <translation>请先收款。</translation>
    </message>
    <message>
        <source>Enter the transaction reference shown on the terminal or the customer&apos;s phone.</source>
        <translation>请输入刷卡终端或顾客手机上显示的交易单号。</translation>
    </message>
    <message>
        <source>A cash payment has no transaction reference.</source>
        <translation>现金支付没有交易单号。</translation>
    </message>
    <message>
        <source>A transaction reference is {low} to {high} letters or digits.</source>
        <translation>交易单号应为 {low} 到 {high} 位字母或数字。</translation>
    </message>
    <message>
        <source>Choose how the customer pays: cash, card, WeChat Pay, Alipay, medical insurance or voucher.</source>
        <translation>请选择支付方式：现金、银行卡、微信支付、支付宝、医保或代金券。</translation>
    </message>
    <message>
        <source>Only cash is handed over with change.</source>
        <translation>只有现金支付才有找零。</translation>
    </message>
    <message>
        <source>The cash given is less than the amount due.</source>
        <translation>实收现金少于应付金额。</translation>
    </message>
    <message>
        <source>The payments do not add up to the total.</source>
        <translation>付款金额合计与应付总额不符。</translation>
    </message>
    <message>
        <source>Type the prescription date as {example} or {compact}.</source>
        <translation>请按 {example} 或 {compact} 的格式输入处方日期。</translation>
    </message>
    <message>
        <source>The prescription date {date} is in the future: check the date on the prescription.</source>
        <translation>处方日期 {date} 晚于今天：请核对处方上的日期。</translation>
    </message>
    <message>
        <source>This receipt is more than {days} days old: a pharmacist or the owner can look it up.</source>
        <translation>此小票已超过 {days} 天：请药师或店主查询。</translation>
    </message>
    <message>
        <source>No sale has this receipt number.</source>
        <translation>没有销售使用此小票号。</translation>
    </message>
    <message>
        <source>Give a reason for the return.</source>
        <translation>请填写退货原因。</translation>
    </message>
    <message>
        <source>No coupon of this sale is still used.</source>
        <translation>本单没有仍处于已使用状态的优惠券。</translation>
    </message>
    <message>
        <source>Choose what is being returned.</source>
        <translation>请选择要退货的商品。</translation>
    </message>
    <message>
        <source>This receipt comes from the old till&apos;s history; take returns of it by hand.</source>
        <translation>此小票来自旧收银系统的历史记录；请手工办理退货。</translation>
    </message>
    <message>
        <source>That item is not on this receipt.</source>
        <translation>该商品不在此小票上。</translation>
    </message>
    <message>
        <source>Only {n} of this item can still be returned.</source>
        <translation>此商品最多还能退 {n} 件。</translation>
    </message>
    <message>
        <source>A refund goes back the way the sale was paid, or in cash with the owner&apos;s approval.</source>
        <translation>退款按原支付方式退回；改退现金须店长批准。</translation>
    </message>
    <message>
        <source>There is nothing to suspend.</source>
        <translation>没有可挂单的商品。</translation>
    </message>
    <message>
        <source>A parked sale&apos;s label cannot hold a phone or card number: attach the member instead.</source>
        <translation>挂单备注不能包含电话号码或卡号：请改为关联会员。</translation>
    </message>
    <message>
        <source>That suspended sale is no longer there.</source>
        <translation>该挂单已不存在。</translation>
    </message>
    <message>
        <source>Unknown kind of document.</source>
        <translation>未知的资质文件类型。</translation>
    </message>
    <message>
        <source>A document belongs to one supplier or one product.</source>
        <translation>一份资质文件只能属于一个供应商或一个商品。</translation>
    </message>
    <message>
        <source>This kind of document does not belong there.</source>
        <translation>这类资质文件不属于这里。</translation>
    </message>
    <message>
        <source>A document cannot expire before it was issued.</source>
        <translation>资质文件的有效期不能早于发证日期。</translation>
    </message>
    <message>
        <source>{name} is already approved.</source>
        <translation>{name} 已通过审核。</translation>
    </message>
    <message>
        <source>{name}: the {document} expired on {expiry}.</source>
        <translation>{name}：{document}已于 {expiry} 过期。</translation>
    </message>
    <message>
        <source>Choose supplier or product.</source>
        <translation>请选择供应商或商品。</translation>
    </message>
    <message>
        <source>{name} is not approved as a first-time supplier; approve it before receiving.</source>
        <translation>{name} 尚未通过首营企业审核；请先审核再收货。</translation>
    </message>
    <message>
        <source>{name} is not approved as a first-time product; approve it before receiving.</source>
        <translation>{name} 尚未通过首营品种审核；请先审核再收货。</translation>
    </message>
    <message>
        <source>{name}: no {document} on file; record it before receiving.</source>
        <translation>{name}：没有{document}存档；请先登记再收货。</translation>
    </message>
    <message>
        <source>{name}: the {document} expired on {expiry}; record the renewed document first.</source>
        <translation>{name}：{document}已于 {expiry} 过期；请先登记换发后的新证。</translation>
    </message>
    <message>
        <source>Choose accepted, refused or quarantine.</source>
        <translation>请选择合格、拒收或待处理。</translation>
    </message>
    <message>
        <source>That batch is not on this goods receipt.</source>
        <translation>该批号不在这张收货单上。</translation>
    </message>
    <message>
        <source>Nothing of this receipt line awaits acceptance.</source>
        <translation>这一收货明细没有待验收的数量。</translation>
    </message>
    <message>
        <source>{name} is a cold-chain item: enter its temperature on arrival.</source>
        <translation>{name} 是冷链药品：请填写到货温度。</translation>
    </message>
    <message>
        <source>{name} arrived at {temperature} °C, outside 2–8 °C: it cannot be accepted.</source>
        <translation>{name} 到货温度为 {temperature} °C，超出 2–8 °C：不能验收合格。</translation>
    </message>
    <message>
        <source>No such batch.</source>
        <translation>没有该批号。</translation>
    </message>
    <message>
        <source>Only {available} left in this batch.</source>
        <translation>该批号仅剩 {available} 件。</translation>
    </message>
    <message>
        <source>No such quarantine record.</source>
        <translation>没有这条待处理记录。</translation>
    </message>
    <message>
        <source>Choose destroy or return.</source>
        <translation>请选择销毁或退回供应商。</translation>
    </message>
    <message>
        <source>A destruction needs two witnesses: two other colleagues confirm with their PIN.</source>
        <translation>销毁需要两名见证人：由另外两位同事输入 PIN 确认。</translation>
    </message>
    <message>
        <source>This quarantine record is already closed.</source>
        <translation>这条待处理记录已经处理完毕。</translation>
    </message>
    <message>
        <source>A goods receipt needs at least one line.</source>
        <translation>收货单至少需要一行。</translation>
    </message>
    <message>
        <source>Every line needs its batch number.</source>
        <translation>每一行都需要批号。</translation>
    </message>
    <message>
        <source>Every line needs its expiry date.</source>
        <translation>每一行都需要有效期。</translation>
    </message>
    <message>
        <source>Batch {batch} has already expired; do not receive it.</source>
        <translation>批号 {batch} 已过期；请勿收货。</translation>
    </message>
    <message>
        <source>More traceability codes than packs received in this batch ({n}).</source>
        <translation>追溯码数量超过该批号的收货件数（{n}）。</translation>
    </message>
    <message>
        <source>Traceability code {code} is already on file: the same pack cannot be received twice.</source>
        <translation>追溯码 {code} 已登记：同一包装不能重复收货。</translation>
    </message>
    <message>
        <source>Batch {batch} is already in stock with another expiry date.</source>
        <translation>批号 {batch} 已在库存中，但有效期不同。</translation>
    </message>
    <message>
        <source>This delivery does not match that order.</source>
        <translation>此送货与该采购单不符。</translation>
    </message>
    <message>
        <source>{product} is not on this order.</source>
        <translation>{product} 不在此采购单上。</translation>
    </message>
    <message>
        <source>More {product} delivered than is still on order ({n}).</source>
        <translation>{product} 的送货数量超过采购单未到货数量（{n}）。</translation>
    </message>
    <message>
        <source>Only {available} can be sold: {expired} more are expired and must be written off, not sold.</source>
        <translation>只能销售 {available} 件：另有 {expired} 件已过期，须报损，不得销售。</translation>
    </message>
    <message>
        <source>Not enough stock: {available} available, {wanted} wanted.</source>
        <translation>库存不足：可用 {available}，需要 {wanted}。</translation>
    </message>
    <message>
        <source>The scanned pack&apos;s batch is not in sellable stock: check its traceability code.</source>
        <translation>所扫包装的批号不在可售库存中：请核对其追溯码。</translation>
    </message>
    <message>
        <source>An adjustment must change the quantity.</source>
        <translation>调整必须改变数量。</translation>
    </message>
    <message>
        <source>Give a reason for this stock change.</source>
        <translation>请填写此次库存变动的原因。</translation>
    </message>
    <message>
        <source>The list cannot be sorted that way.</source>
        <translation>列表不能按此方式排序。</translation>
    </message>
    <message>
        <source>No such stocktake.</source>
        <translation>没有该盘点。</translation>
    </message>
    <message>
        <source>This stocktake is already closed.</source>
        <translation>此盘点已结束。</translation>
    </message>
    <message>
        <source>A purchase order needs at least one line.</source>
        <translation>采购单至少需要一行。</translation>
    </message>
    <message>
        <source>This order cannot change that way any more.</source>
        <translation>此采购单已不能再这样更改。</translation>
    </message>
    <message>
        <source>No such purchase order.</source>
        <translation>没有该采购单。</translation>
    </message>
    <message>
        <source>The store&apos;s journal file (pharmadesk.db-wal) was deleted while PharmaDesk was running on this store. Close PharmaDesk everywhere on this PC (the running till saves its sales into the store file when it notices), then open the store again.</source>
        <translation>门店的日志文件（pharmadesk.db-wal）在 PharmaDesk 使用此门店时被删除。请关闭本机上所有的 PharmaDesk（正在运行的收银台发现后会把销售写入门店数据文件），然后再次打开门店。</translation>
    </message>
    <message>
        <source>A store already exists in that folder.</source>
        <translation>该文件夹中已有门店数据。</translation>
    </message>
    <message>
        <source>There is no PharmaDesk store in that folder.</source>
        <translation>该文件夹中没有 PharmaDesk 门店数据。</translation>
    </message>
    <message>
        <source>Open the store again to use its keys.</source>
        <translation>请重新打开门店数据以使用其密钥。</translation>
    </message>
    <message>
        <source>Open the store again to run this in the background.</source>
        <translation>请重新打开门店数据，才能在后台运行此操作。</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Your account is locked or no longer active. Please log in again.</source>
        <translation>您的账户已被锁定或停用。请重新登录。</translation>
    </message>
    <message>
        <source>Your role ({role}) is not allowed to {action}.</source>
        <translation>您的角色（{role}）无权{action}。</translation>
    </message>
    <message>
        <source>Unknown setting.</source>
        <translation>未知的设置项。</translation>
    </message>
    <message>
        <source>That value is not one of the choices.</source>
        <translation>该值不在可选范围内。</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>没有该用户。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password contains broken characters.</source>
        <translation>密码含有乱码字符。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 码为 4 至 8 位数字。</translation>
    </message>
    <message>
        <source>The first account must be the owner.</source>
        <translation>第一个账户必须是店主。</translation>
    </message>
    <message>
        <source>A user name is 2 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>用户名为 2 至 32 个字母、数字、点、连字符或下划线。</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>Unknown role.</source>
        <translation>未知的角色。</translation>
    </message>
    <message>
        <source>That user name is already taken.</source>
        <translation>该用户名已被占用。</translation>
    </message>
    <message>
        <source>The store must keep at least one active owner.</source>
        <translation>门店必须至少保留一个有效的店主账户。</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Only the owner can reset another person&apos;s password.</source>
        <translation>只有店主可以重置他人的密码。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong attempts. Try again in {minutes} minutes.</source>
        <translation>错误次数过多。请在 {minutes} 分钟后重试。</translation>
    </message>
    <message>
        <source>{name} is not allowed to approve this.</source>
        <translation>{name} 无权批准此操作。</translation>
    </message>
    <message>
        <source>No such campaign.</source>
        <extracomment>Product categories an analysis reports on one by one; the rest (personal care, devices) fold into &quot;other&quot;.</extracomment>
        <translation>没有这个营销活动。</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>请为营销活动命名。</translation>
    </message>
    <message>
        <source>A campaign cannot end before it starts.</source>
        <translation>营销活动的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The holdout group must be between 0 % and 90 %.</source>
        <translation>对照组比例必须在 0% 到 90% 之间。</translation>
    </message>
    <message>
        <source>None of these members has agreed to marketing messages.</source>
        <translation>这些会员都未同意接收营销消息。</translation>
    </message>
    <message>
        <source>The {what} key is not a 32-byte key.</source>
        <translation>{what} 密钥不是 32 字节的密钥。</translation>
    </message>
    <message>
        <source>The manifest&apos;s signature does not match the store&apos;s key: the bundle was altered or not made by that store.</source>
        <translation>清单签名与门店密钥不符：数据包已被改动，或并非该门店生成。</translation>
    </message>
    <message>
        <source>The file {name} cannot be decrypted: it was altered or truncated, or the bundle was not made for this head office.</source>
        <translation>文件 {name} 无法解密：它已被改动或截断，或该数据包不是为本总部生成的。</translation>
    </message>
    <message>
        <source>The manifest is not valid JSON.</source>
        <translation>清单不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The manifest is not a PharmaDesk bundle manifest of a known format.</source>
        <translation>该清单不是已知格式的 PharmaDesk 数据包清单。</translation>
    </message>
    <message>
        <source>The manifest lacks {fields}.</source>
        <translation>清单缺少 {fields}。</translation>
    </message>
    <message>
        <source>That file does not hold a head-office public key.</source>
        <translation>该文件不包含总部公钥。</translation>
    </message>
    <message>
        <source>The head-office export folder {folder} is not available. Is the drive connected?</source>
        <translation>总部导出文件夹 {folder} 不可用。驱动器已连接吗？</translation>
    </message>
    <message>
        <source>Choose a folder for the head-office export first.</source>
        <translation>请先选择总部导出文件夹。</translation>
    </message>
    <message>
        <source>This store has no signing key yet: run &apos;pharmadesk export keys&apos; first.</source>
        <translation>本门店还没有签名密钥：请先运行 &apos;pharmadesk export keys&apos;。</translation>
    </message>
    <message>
        <source>Head office&apos;s public key is not set: run &apos;pharmadesk export trust-hq&apos; first.</source>
        <translation>尚未设置总部公钥：请先运行 &apos;pharmadesk export trust-hq&apos;。</translation>
    </message>
    <message>
        <source>The file {name} does not match its checksum.</source>
        <translation>文件 {name} 与其校验和不符。</translation>
    </message>
    <message>
        <source>There is no report for {day} yet: that day is still to come.</source>
        <extracomment>audited actions an owner checks each day (loss prevention and security), in report order stock ledger reasons in report order</extracomment>
        <translation>{day} 还没有报表：那一天尚未到来。</translation>
    </message>
    <message>
        <source>There is no report for {month} yet: that month is still to come.</source>
        <translation>{month} 还没有报表：那个月尚未开始。</translation>
    </message>
    <message>
        <source>The period ends {end}, after the analysis date {as_of}: it would use later data.</source>
        <translation>统计期结束于 {end}，晚于分析日期 {as_of}：这会用到之后的数据。</translation>
    </message>
    <message>
        <source>The period must end after it starts ({start} .. {end}).</source>
        <extracomment>KPIs computed by other analyses, joined in through :func:`owner_kpis` keyword arguments.</extracomment>
        <translation>统计期的结束日期必须晚于开始日期（{start} .. {end}）。</translation>
    </message>
    <message>
        <source>Not enough sales history for this backtest: it needs {days} days.</source>
        <translation>销售历史不足，无法回测：需要 {days} 天的数据。</translation>
    </message>
    <message>
        <source>Too few distinct members ({n}) to choose between {low} and {high} segments.</source>
        <translation>不同的会员太少（{n} 位），无法在 {low} 到 {high} 个分群之间选择。</translation>
    </message>
    <message>
        <source>Segments need at least 3 members with a purchase.</source>
        <translation>会员分群至少需要 3 位有消费记录的会员。</translation>
    </message>
    <message>
        <source>k must be between 1 and the number of purchasing members ({buyers}).</source>
        <translation>分群数 k 必须在 1 到有消费的会员人数（{buyers}）之间。</translation>
    </message>
    <message>
        <source>No member has bought anything yet: there is nothing to fit member value on.</source>
        <translation>还没有会员消费过：无法估算会员价值。</translation>
    </message>
    <message>
        <source>No member has bought twice yet: there is nothing to fit spend per purchase on.</source>
        <translation>还没有会员消费过两次：无法估算每次消费金额。</translation>
    </message>
    <message>
        <source>No member has bought anything before {day}.</source>
        <translation>{day} 之前没有会员消费过。</translation>
    </message>
    <message>
        <source>Enter the user name and PIN of the colleague who approves.</source>
        <translation>请输入批准同事的用户名和 PIN。</translation>
    </message>
    <message>
        <source>The file is not valid {format}: {problem}</source>
        <translation>文件不是有效的 {format}：{problem}</translation>
    </message>
    <message>
        <source>{field}: this cannot be empty.</source>
        <translation>{field}：不能为空。</translation>
    </message>
    <message>
        <source>{field}: enter text.</source>
        <translation>{field}：请输入文字。</translation>
    </message>
    <message>
        <source>{field}: at most {limit} characters.</source>
        <translation>{field}：最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{field}: answer true or false.</source>
        <translation>{field}：请填 true 或 false。</translation>
    </message>
    <message>
        <source>{field}: give a list of numbers.</source>
        <translation>{field}：请给出一组数字。</translation>
    </message>
    <message>
        <source>{field}: enter a time as HH:MM.</source>
        <translation>{field}：请按 HH:MM 输入时间。</translation>
    </message>
    <message>
        <source>{where}: unknown field “{field}”.</source>
        <translation>{where}：未知字段“{field}”。</translation>
    </message>
    <message>
        <source>{field}: give named fields.</source>
        <translation>{field}：请给出带名称的字段。</translation>
    </message>
    <message>
        <source>{field}: there is no product {product}.</source>
        <translation>{field}：没有商品 {product}。</translation>
    </message>
    <message>
        <source>{field}: give a list of products.</source>
        <translation>{field}：请给出一组商品。</translation>
    </message>
    <message>
        <source>A promotion is described by named fields.</source>
        <translation>促销需要用带名称的字段来描述。</translation>
    </message>
    <message>
        <source>kind: choose one of {choices}.</source>
        <translation>kind：请从 {choices} 中选择一个。</translation>
    </message>
    <message>
        <source>A {kind} promotion has no {field}.</source>
        <translation>{kind} 类促销没有 {field} 这一项。</translation>
    </message>
    <message>
        <source>stacking: choose one of {choices}.</source>
        <translation>stacking：请从 {choices} 中选择一个。</translation>
    </message>
    <message>
        <source>{field}: give a list of categories.</source>
        <translation>{field}：请给出一组品类。</translation>
    </message>
    <message>
        <source>categories: there is no category {category}.</source>
        <translation>categories：没有品类 {category}。</translation>
    </message>
    <message>
        <source>A promotion cannot end before it starts.</source>
        <translation>促销的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>This promotion would end before today.</source>
        <translation>这个促销会在今天之前就结束。</translation>
    </message>
    <message>
        <source>Give both a start and an end time, or neither.</source>
        <translation>开始时间和结束时间要么都填，要么都不填。</translation>
    </message>
    <message>
        <source>The start time must come before the end time.</source>
        <translation>开始时间必须早于结束时间。</translation>
    </message>
    <message>
        <source>This calendar has no day on which the promotion runs.</source>
        <translation>按这个日程，促销没有任何一天会生效。</translation>
    </message>
    <message>
        <source>audience: choose one of {choices}.</source>
        <translation>audience：请从 {choices} 中选择一个。</translation>
    </message>
    <message>
        <source>tier: choose one of {choices}.</source>
        <translation>tier：请从 {choices} 中选择一个。</translation>
    </message>
    <message>
        <source>Only a tier audience names a tier.</source>
        <translation>只有按会员等级的对象才需要填写等级。</translation>
    </message>
    <message>
        <source>A listed audience needs either member_ids (a segment) or a campaign_id.</source>
        <translation>指定名单的对象需要 member_ids（一个客群）或 campaign_id 二者之一。</translation>
    </message>
    <message>
        <source>member_ids: the list is empty.</source>
        <translation>member_ids：名单是空的。</translation>
    </message>
    <message>
        <source>Only a listed audience takes member_ids or a campaign_id.</source>
        <translation>只有指定名单的对象才能填写 member_ids 或 campaign_id。</translation>
    </message>
    <message>
        <source>A member price is for members: choose members, a tier or a list as the audience.</source>
        <translation>会员价只给会员：请把对象设为会员、某个会员等级或指定名单。</translation>
    </message>
    <message>
        <source>A multiplier of 100 % changes nothing.</source>
        <translation>100 % 的倍数不会改变任何积分。</translation>
    </message>
    <message>
        <source>A member price needs exactly one of prices, tier_prices or percent.</source>
        <translation>会员价需要且只能填写 prices、tier_prices 或 percent 其中一项。</translation>
    </message>
    <message>
        <source>{field}: give pairs of a name and a number.</source>
        <translation>{field}：请给出“名称—数字”对。</translation>
    </message>
    <message>
        <source>Product #{product} is both included and excluded.</source>
        <translation>商品 #{product} 同时被包含和排除了。</translation>
    </message>
    <message>
        <source>This scope leaves no product to discount.</source>
        <translation>这个范围内没有可以打折的商品。</translation>
    </message>
    <message>
        <source>Product #{product} has a member price but is not among the promotion&apos;s products.</source>
        <translation>商品 #{product} 设置了会员价，但不在促销的商品范围内。</translation>
    </message>
    <message>
        <source>The member price of product #{product} must be below its price ({price}).</source>
        <translation>商品 #{product} 的会员价必须低于其售价（{price}）。</translation>
    </message>
    <message>
        <source>The gift, product #{product}, is excluded from this promotion&apos;s products.</source>
        <translation>赠品（商品 #{product}）被排除在本促销的商品范围之外。</translation>
    </message>
    <message>
        <source>The tier prices leave out the {tier} members this promotion is for.</source>
        <translation>等级价格中没有本促销面向的 {tier} 会员。</translation>
    </message>
    <message>
        <source>The discount ({amount}) must be smaller than the spend it needs ({threshold}).</source>
        <translation>优惠金额（{amount}）必须小于所需消费额（{threshold}）。</translation>
    </message>
    <message>
        <source>A points multiplier needs its lines to earn points (earns_points).</source>
        <translation>积分倍数要求这些商品行能够积分（earns_points）。</translation>
    </message>
    <message>
        <source>Product #{product} is prescription-only or controlled: set include_rx to discount it.</source>
        <translation>商品 #{product} 是处方药或管制药品：如要打折请设置 include_rx。</translation>
    </message>
    <message>
        <source>Overlaps with promotion “{name}” (#{id}): same products on the same days.</source>
        <translation>与促销“{name}”（#{id}）重叠：同样的商品、同样的日期。</translation>
    </message>
    <message>
        <source>Gives product #{product} another member price than promotion “{name}” (#{id}) for the same members on the same days.</source>
        <translation>在同样的日期、对同样的会员，商品 #{product} 的会员价与促销“{name}”（#{id}）不同。</translation>
    </message>
    <message>
        <source>Only an active promotion can be paused.</source>
        <translation>只有进行中的促销才能暂停。</translation>
    </message>
    <message>
        <source>Only a paused promotion can be resumed.</source>
        <translation>只有已暂停的促销才能恢复。</translation>
    </message>
    <message>
        <source>This promotion has already ended.</source>
        <translation>这个促销已经结束。</translation>
    </message>
    <message>
        <source>status: choose one of {choices}.</source>
        <translation>status：请从 {choices} 中选择一个。</translation>
    </message>
    <message>
        <source>A coupon must stay valid until at least {date}.</source>
        <translation>优惠券的有效期至少要到 {date}。</translation>
    </message>
    <message>
        <source>A coupon cannot outlast its promotion, which ends on {date}.</source>
        <translation>优惠券的有效期不能超过其促销的结束日期 {date}。</translation>
    </message>
    <message>
        <source>Issue coupons to members, to a campaign or as a number of codes: one of the three.</source>
        <translation>请在三种方式中选一种发券：发给会员、发给营销活动，或生成一定数量的券码。</translation>
    </message>
    <message>
        <source>Each of these members already holds an open coupon of this promotion.</source>
        <translation>这些会员都已持有本促销未使用的优惠券。</translation>
    </message>
    <message>
        <source>No such sale.</source>
        <translation>没有这笔销售。</translation>
    </message>
    <message>
        <source>This coupon has just been used.</source>
        <translation>这张优惠券刚刚已被使用。</translation>
    </message>
    <message>
        <source>This coupon has not been used.</source>
        <translation>这张优惠券还没有被使用。</translation>
    </message>
    <message>
        <source>This coupon was cancelled.</source>
        <translation>这张优惠券已作废。</translation>
    </message>
    <message>
        <source>A used coupon cannot be cancelled.</source>
        <translation>已使用的优惠券不能作废。</translation>
    </message>
    <message>
        <source>Export to a .csv file.</source>
        <translation>请导出为 .csv 文件。</translation>
    </message>
    <message>
        <source>There is no coupon with this code.</source>
        <translation>没有这个券码的优惠券。</translation>
    </message>
    <message>
        <source>This coupon was used on {date}.</source>
        <translation>这张优惠券已于 {date} 使用。</translation>
    </message>
    <message>
        <source>The promotion of this coupon has ended.</source>
        <translation>这张优惠券所属的促销已结束。</translation>
    </message>
    <message>
        <source>The promotion of this coupon is paused.</source>
        <translation>这张优惠券所属的促销已暂停。</translation>
    </message>
    <message>
        <source>This coupon expired on {date}.</source>
        <translation>这张优惠券已于 {date} 过期。</translation>
    </message>
    <message>
        <source>This coupon is valid from {date}.</source>
        <translation>这张优惠券自 {date} 起才可使用。</translation>
    </message>
    <message>
        <source>This coupon belongs to a member: look the member up first.</source>
        <translation>这张优惠券属于某位会员：请先查找该会员。</translation>
    </message>
    <message>
        <source>This coupon belongs to another member.</source>
        <translation>这张优惠券属于另一位会员。</translation>
    </message>
    <message>
        <source>Coupons belong to a coupon promotion.</source>
        <translation>优惠券只能属于优惠券类促销。</translation>
    </message>
    <message>
        <source>No such promotion.</source>
        <translation>没有这个促销。</translation>
    </message>
    <message>
        <source>That approval number is not in a known form: 国药准字 + H/Z/S/J + 8 digits for a drug, 国械注准 + 11 digits (or a filing number 械备) for a device.</source>
        <translation>批准文号格式不正确：药品为 国药准字 + H/Z/S/J + 8 位数字，医疗器械为 国械注准 + 11 位数字（或备案号 械备）。</translation>
    </message>
    <message>
        <source>{field} must be a number from {low} to {high}.</source>
        <translation>{field}须为 {low} 至 {high} 之间的数字。</translation>
    </message>
    <message>
        <source>Fill in {field}.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters.</source>
        <translation>{field}超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{field}: enter a date and time as YYYY-MM-DD HH:MM.</source>
        <translation>{field}：请按 YYYY-MM-DD HH:MM 输入日期和时间。</translation>
    </message>
    <message>
        <source>Choose ambient, cool or cold.</source>
        <translation>请选择常温、阴凉或冷藏。</translation>
    </message>
    <message>
        <source>The lower limit must be below the upper limit.</source>
        <translation>下限必须低于上限。</translation>
    </message>
    <message>
        <source>There is already an area called {name}.</source>
        <translation>已有名为 {name} 的储存区域。</translation>
    </message>
    <message>
        <source>No such storage area.</source>
        <translation>没有该储存区域。</translation>
    </message>
    <message>
        <source>This storage area is no longer logged.</source>
        <translation>该储存区域已停止记录。</translation>
    </message>
    <message>
        <source>A reading cannot be taken in the future.</source>
        <translation>记录时间不能晚于现在。</translation>
    </message>
    <message>
        <source>{area}: {temperature} °C / {humidity} % is outside the allowed range; enter the corrective action taken.</source>
        <translation>{area}：{temperature} °C / {humidity} % 超出允许范围；请填写已采取的调控措施。</translation>
    </message>
    <message>
        <source>Too many rows; import the rest separately.</source>
        <translation>行数过多；其余部分请另行导入。</translation>
    </message>
    <message>
        <source>A row needs timestamp, area, temperature and humidity.</source>
        <translation>每行需要时间、区域、温度和湿度。</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
    <message>
        <source>Choose ok or bad.</source>
        <translation>请选择正常或异常。</translation>
    </message>
    <message>
        <source>There is no sale and no stock movement before {day}: import the sales history (pharmadesk import sales) or receive goods and sell first, or choose a later date.</source>
        <translation>{day} 之前没有任何销售和库存变动：请先导入历史销售（pharmadesk import sales），或先收货并销售，或选择更晚的日期。</translation>
    </message>
    <message>
        <source>This analysis needs sales history, and there is no sale before {day}: import the sales history (pharmadesk import sales) or choose a later date.</source>
        <translation>此分析需要销售历史，但 {day} 之前没有任何销售：请导入历史销售（pharmadesk import sales）或选择更晚的日期。</translation>
    </message>
    <message>
        <source>This analysis needs {needed} days of sales history before {day}; the history starts {start}, only {have} days. Choose a date on or after {earliest}, or ask for less.</source>
        <translation>此分析需要 {day} 之前 {needed} 天的销售历史；历史从 {start} 开始，只有 {have} 天。请选择 {earliest} 或之后的日期，或减少所需的历史。</translation>
    </message>
    <message>
        <source>No sale before {day} has two or more products: basket analysis learns from such sales. Import the sales history with its receipt numbers, or choose a later date.</source>
        <translation>{day} 之前没有包含两种及以上商品的销售：购物篮分析需要这样的销售。请导入带小票号的历史销售，或选择更晚的日期。</translation>
    </message>
    <message>
        <source>Ephedrine-containing medicines need the buyer&apos;s ID number and name.</source>
        <translation>含麻黄碱类复方制剂须登记购买人的身份证号和姓名。</translation>
    </message>
    <message>
        <source>Enter the buyer&apos;s name as on the ID card.</source>
        <translation>请按身份证填写购买人姓名。</translation>
    </message>
    <message>
        <source>At most {limit} packs of ephedrine-containing medicines may be sold at a time.</source>
        <translation>含麻黄碱类复方制剂每次最多销售 {limit} 个最小包装。</translation>
    </message>
    <message>
        <source>Ephedrine-containing medicines are sold only in whole packs.</source>
        <translation>含麻黄碱类复方制剂只能整盒销售，不得拆零。</translation>
    </message>
    <message>
        <source>{product} may not suit this member (recorded allergy): a pharmacist must confirm the sale.</source>
        <translation>{product} 可能不适合该会员（有登记过敏史）：须药师确认后销售。</translation>
    </message>
    <message>
        <source>That is not a valid 18-character resident ID number: check it against the ID card.</source>
        <translation>这不是有效的18位居民身份证号：请对照身份证核对。</translation>
    </message>
    <message>
        <source>Opening a pack for sale by the unit needs a pharmacist to check it.</source>
        <translation>拆零拆开包装须由药师复核。</translation>
    </message>
    <message>
        <source>{product} is not sold by the unit: its product record has no split ratio and unit price.</source>
        <translation>{product} 不可拆零：商品资料中没有拆零数量和拆零单价。</translation>
    </message>
    <message>
        <source>Only {available} unit(s) in opened packs: open another pack first.</source>
        <translation>已拆零包装中只剩 {available}：请先再拆开一盒。</translation>
    </message>
    <message>
        <source>Directions: at most {n} characters on one line.</source>
        <translation>用法用量：一行最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>That item was not sold by the unit.</source>
        <translation>该商品不是拆零销售的。</translation>
    </message>
    <message>
        <source>A traceability code has 20 digits and begins with 8: scan the pack&apos;s code again.</source>
        <translation>药品追溯码为20位、以8开头：请重新扫描包装上的追溯码。</translation>
    </message>
    <message>
        <source>Traceability code {code} was scanned twice.</source>
        <translation>追溯码 {code} 重复扫描。</translation>
    </message>
    <message>
        <source>Traceability code {code} was scanned twice in this sale.</source>
        <translation>追溯码 {code} 在本单中重复扫描。</translation>
    </message>
    <message>
        <source>Traceability code {code} was never received into stock: this pack cannot be sold. Check the goods receipt.</source>
        <translation>追溯码 {code} 未在收货时登记入库：该包装不能销售。请核对收货记录。</translation>
    </message>
    <message>
        <source>Traceability code {code} is not on file: scan the product&apos;s barcode first, then its code.</source>
        <translation>追溯码 {code} 未登记：请先扫商品条码，再扫追溯码。</translation>
    </message>
    <message>
        <source>Traceability code {code} has already been sold: this pack cannot be sold again.</source>
        <translation>追溯码 {code} 已售出：该包装不能再次销售。</translation>
    </message>
    <message>
        <source>Traceability code {code} is in quarantine: this pack cannot be sold.</source>
        <translation>追溯码 {code} 处于不合格品区：该包装不能销售。</translation>
    </message>
    <message>
        <source>Traceability code {code} belongs to another product ({product}).</source>
        <translation>追溯码 {code} 属于其他商品（{product}）。</translation>
    </message>
    <message>
        <source>Units from an opened pack carry no traceability code: the pack&apos;s code was recorded when it was opened.</source>
        <translation>拆零销售不扫追溯码：该包装的追溯码已在拆零时登记。</translation>
    </message>
    <message>
        <source>{product}: {scanned} traceability codes for {quantity} pack(s).</source>
        <translation>{product}：{quantity} 盒却扫了 {scanned} 个追溯码。</translation>
    </message>
    <message>
        <source>{product}: scan the traceability code of each pack ({scanned} of {quantity} scanned).</source>
        <translation>{product}：请逐盒扫描追溯码（已扫 {scanned}/{quantity}）。</translation>
    </message>
    <message>
        <source>Scan at least one traceability code.</source>
        <translation>请至少扫描一个追溯码。</translation>
    </message>
    <message>
        <source>Unknown kind of timeline event.</source>
        <translation>未知的时间线事件类型。</translation>
    </message>
    <message>
        <source>{field}: enter the text.</source>
        <extracomment>The codes a record of each kind may close with.</extracomment>
        <translation>{field}：请填写内容。</translation>
    </message>
    <message>
        <source>Unknown kind of service record.</source>
        <translation>未知的服务记录类型。</translation>
    </message>
    <message>
        <source>This member has not agreed to care calls; record the call only with their consent.</source>
        <translation>该会员未同意接受关怀电话；须经其同意后才能记录回访。</translation>
    </message>
    <message>
        <source>The reaction cannot start in the future.</source>
        <translation>不良反应发生日期不能晚于今天。</translation>
    </message>
    <message>
        <source>An ADR is general or serious.</source>
        <translation>不良反应须为一般或严重。</translation>
    </message>
    <message>
        <source>Unknown outcome of the reaction.</source>
        <translation>未知的不良反应转归。</translation>
    </message>
    <message>
        <source>That outcome does not fit this kind of record.</source>
        <translation>该结果不适用于此类记录。</translation>
    </message>
    <message>
        <source>Only a follow-up call records a call&apos;s outcome.</source>
        <translation>只有回访记录才能登记通话结果。</translation>
    </message>
    <message>
        <source>No such service record.</source>
        <translation>没有这条服务记录。</translation>
    </message>
    <message>
        <source>Unknown status.</source>
        <translation>未知的状态。</translation>
    </message>
    <message>
        <source>That sale belongs to another member.</source>
        <translation>该笔销售属于其他会员。</translation>
    </message>
    <message>
        <source>That batch is not a batch of this product.</source>
        <translation>该批号不属于此商品。</translation>
    </message>
    <message>
        <source>This record is closed; reopen it first.</source>
        <translation>该记录已结案；请先重新打开。</translation>
    </message>
    <message>
        <source>A record that is {status} cannot go there.</source>
        <translation>状态为 {status} 的记录不能进行此操作。</translation>
    </message>
    <message>
        <source>Scan or type the suspect product.</source>
        <translation>请扫描或输入可疑药品。</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Account</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用法用量</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>headoffice</name>
    <message>
        <source>Last export: never</source>
        <translation>上次导出：从未</translation>
    </message>
    <message>
        <source>Last export: {0} (bundle {1})</source>
        <translation>上次导出：{0}（数据包 {1}）</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>The file is not UTF-8 text (first unreadable byte on this line) and its encoding cannot be told for sure (it may be {guess}). Choose the encoding it was saved in (the import&apos;s encoding choice, or --encoding): cp1252 for Western European Excel, gb18030 for Chinese Excel.</source>
        <translation>该文件不是 UTF-8 文本（本行有第一个无法读取的字节），也无法确定其编码（可能是 {guess}）。请选择保存文件时所用的编码（导入时的“编码”选项，或 --encoding）：西欧 Excel 为 cp1252，中文 Excel 为 gb18030。</translation>
    </message>
    <message>
        <source>Unknown encoding; use a name such as utf-8, gb18030 or cp1252.</source>
        <translation>未知编码；请使用 utf-8、gb18030 或 cp1252 等名称。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>This line cannot be read as CSV (a quote is not closed, or a value is far too long).</source>
        <translation>此行无法按 CSV 读取（引号未闭合，或某个值过长）。</translation>
    </message>
    <message>
        <source>From this line on the file cannot be read in the encoding chosen or detected ({encoding}); choose the encoding it was saved in.</source>
        <translation>从本行起，文件无法按所选或识别的编码（{encoding}）读取；请选择保存文件时所用的编码。</translation>
    </message>
    <message>
        <source>Two columns mean {column}; keep one.</source>
        <translation>有两列都表示 {column}；请只保留一列。</translation>
    </message>
    <message>
        <source>Required column(s) missing: {columns}. The first line must name the columns.</source>
        <translation>缺少必需的列：{columns}。第一行必须是列名。</translation>
    </message>
    <message>
        <source>This line has more fields than the header: is a delimiter inside an unquoted value?</source>
        <translation>此行的字段比表头多：是否有分隔符出现在未加引号的值中？</translation>
    </message>
    <message>
        <source>The value is too long (more than {n} characters).</source>
        <translation>值过长（超过 {n} 个字符）。</translation>
    </message>
    <message>
        <source>Import products, members or sales.</source>
        <translation>可导入商品、会员或销售记录。</translation>
    </message>
    <message>
        <source>The file is larger than 200 MB; split it.</source>
        <translation>文件大于 200 MB；请拆分。</translation>
    </message>
    <message>
        <source>The file cannot be read; check its name and location.</source>
        <translation>无法读取该文件；请检查文件名和位置。</translation>
    </message>
    <message>
        <source>The errors file cannot be written there; choose another folder for it.</source>
        <translation>无法在该位置写入错误文件；请为它另选一个文件夹。</translation>
    </message>
    <message>
        <source>The error limit must be at least 1.</source>
        <translation>错误上限至少为 1。</translation>
    </message>
    <message>
        <source>The folder for the errors file does not exist.</source>
        <translation>错误文件所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>This row conflicts with data already in the store (a number that must be unique is already used).</source>
        <translation>此行与门店已有数据冲突（某个必须唯一的编号已被使用）。</translation>
    </message>
    <message>
        <source>A supplier&apos;s terms need the supplier column on the same row.</source>
        <translation>供应商的订货条件需要在同一行填写供应商列。</translation>
    </message>
    <message>
        <source>This barcode is already on line {n}.</source>
        <translation>此条码已出现在第 {n} 行。</translation>
    </message>
    <message>
        <source>A value is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <source>A new product needs a value here.</source>
        <translation>新商品此项必填。</translation>
    </message>
    <message>
        <source>A card number is 1 to 32 letters and digits.</source>
        <translation>会员卡号为 1 至 32 位字母和数字。</translation>
    </message>
    <message>
        <source>The same {what} is already on line {n}.</source>
        <translation>相同的{what}已出现在第 {n} 行。</translation>
    </message>
    <message>
        <source>The date is too far in the past.</source>
        <translation>日期过早。</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>日期在未来。</translation>
    </message>
    <message>
        <source>No product has this code.</source>
        <translation>没有商品使用此编码。</translation>
    </message>
    <message>
        <source>No member has this card number.</source>
        <translation>没有会员使用此卡号。</translation>
    </message>
    <message>
        <source>A receipt id has at most 64 characters.</source>
        <translation>小票编号最多 64 个字符。</translation>
    </message>
    <message>
        <source>A part pack needs the product&apos;s split-pack ratio: set split_units (units per pack) on the product, e.g. by importing products with a split_units column, or enter whole packs.</source>
        <translation>拆零数量需要商品的拆零系数：请为商品设置 split_units（每包拆零数量），例如导入带 split_units 列的商品文件，或填写整包数量。</translation>
    </message>
    <message>
        <source>The quantity is not a whole number of units ({n} per pack): enter a multiple of 1/{n} pack.</source>
        <translation>数量不是整数个拆零单位（每包 {n} 个）：请填写 1/{n} 包的整数倍。</translation>
    </message>
    <message>
        <source>This receipt was imported before; it is not imported twice.</source>
        <translation>此小票之前已导入；不会重复导入。</translation>
    </message>
    <message>
        <source>Same receipt as line {n} but a different date or member card.</source>
        <translation>与第 {n} 行是同一小票，但日期或会员卡不同。</translation>
    </message>
    <message>
        <source>Not imported: line {n} of the same sale has an error.</source>
        <translation>未导入：同一笔销售的第 {n} 行有错误。</translation>
    </message>
    <message>
        <source>Enter the OTC class as 甲类 or 乙类 (A or B).</source>
        <translation>OTC 类别请填 甲类 或 乙类（A 或 B）。</translation>
    </message>
    <message>
        <source>Enter the storage condition as 常温, 阴凉 or 冷藏 (ambient, cool or cold).</source>
        <translation>储存条件请填 常温、阴凉 或 冷藏。</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>经营概览</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>关怀</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>补货</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客群</translation>
    </message>
    <message>
        <source>Member value</source>
        <translation>会员价值</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
</context>
<context>
    <name>payments</name>
    <message>
        <source>Cash</source>
        <extracomment>every payment method, in the order the till and the reports list them methods whose transaction reference must be recorded (it is how the store reconciles them) the methods&apos; names as people at the counter say them (context &quot;payments&quot;)</extracomment>
        <translation>现金</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Insurance (医保)</source>
        <translation>医保</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <source>Net sales (VAT incl., after refunds)</source>
        <extracomment>how every report labels :func:`net_sales` (context &quot;payments&quot;)</extracomment>
        <translation>净销售额（含税，已扣退款）</translation>
    </message>
</context>
<context>
    <name>prescriptionRecord</name>
    <message>
        <source>Prescription record</source>
        <translation>处方登记</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>开方机构</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>开方医生</translation>
    </message>
    <message>
        <source>Prescription number</source>
        <translation>处方编号</translation>
    </message>
    <message>
        <source>Prescription date</source>
        <translation>处方日期</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Reviewed by (审核)</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Dispensed by (调配)</source>
        <translation>调配</translation>
    </message>
    <message>
        <source>Checked by (核对)</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>One pharmacist signed both: {0}</source>
        <translation>同一药师审核并核对：{0}</translation>
    </message>
    <message>
        <source>A scan of the prescription is kept with this record.</source>
        <translation>处方扫描件随本记录保存。</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>Copying the database</source>
        <translation>正在复制数据库</translation>
    </message>
    <message>
        <source>Copying the key file</source>
        <translation>正在复制密钥文件</translation>
    </message>
    <message>
        <source>Verifying the backup</source>
        <translation>正在校验备份</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>正在完成</translation>
    </message>
    <message>
        <source>Writing the workbook</source>
        <translation>正在写入工作簿</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Reading the quality records</source>
        <translation>正在读取质量记录</translation>
    </message>
    <message>
        <source>Creating the store</source>
        <translation>正在创建门店</translation>
    </message>
    <message>
        <source>Reading members&apos; purchases</source>
        <translation>正在读取会员的购买记录</translation>
    </message>
    <message>
        <source>Grouping members</source>
        <translation>正在为会员分组</translation>
    </message>
    <message>
        <source>Campaign {id}</source>
        <translation>营销活动 {id}</translation>
    </message>
    <message>
        <source>Trying {k} groups</source>
        <translation>正在尝试分为 {k} 组</translation>
    </message>
    <message>
        <source>Checking the groups hold ({i} of {n})</source>
        <translation>正在检验分组是否稳定（第 {i} 次，共 {n} 次）</translation>
    </message>
    <message>
        <source>Preparing member figures</source>
        <translation>正在准备会员数据</translation>
    </message>
    <message>
        <source>Members put into {k} groups</source>
        <translation>会员已分为 {k} 组</translation>
    </message>
    <message>
        <source>Groups ready</source>
        <translation>分组完成</translation>
    </message>
    <message>
        <source>KPIs</source>
        <extracomment>The plain step labels jobs and models report (``steps(0.3, &quot;demand history&quot;)``), marked here so lupdate collects them: a progress panel translates a plain label in context ``&quot;progress&quot;``. A label with a number in it is a :class:`~pharmadesk.wording.Text` instead.</extracomment>
        <translation>经营指标</translation>
    </message>
    <message>
        <source>KPIs ready</source>
        <translation>经营指标已算好</translation>
    </message>
    <message>
        <source>backtest</source>
        <translation>回测</translation>
    </message>
    <message>
        <source>baskets</source>
        <translation>购物篮</translation>
    </message>
    <message>
        <source>baskets loaded</source>
        <translation>购物篮已读取</translation>
    </message>
    <message>
        <source>care and campaigns</source>
        <translation>关怀与营销活动</translation>
    </message>
    <message>
        <source>conversion</source>
        <translation>转化情况</translation>
    </message>
    <message>
        <source>current period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>demand history</source>
        <translation>销售历史</translation>
    </message>
    <message>
        <source>dispensings</source>
        <translation>配药记录</translation>
    </message>
    <message>
        <source>dispensings loaded</source>
        <translation>配药记录已读取</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>fitting</source>
        <translation>正在拟合模型</translation>
    </message>
    <message>
        <source>holdouts</source>
        <translation>对照组</translation>
    </message>
    <message>
        <source>in-scope sales</source>
        <translation>活动范围内的销售</translation>
    </message>
    <message>
        <source>inventory loaded</source>
        <translation>库存已读取</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <source>member features loaded</source>
        <translation>会员特征已读取</translation>
    </message>
    <message>
        <source>member purchase days loaded</source>
        <translation>会员购买日期已读取</translation>
    </message>
    <message>
        <source>member sales loaded</source>
        <translation>会员销售已读取</translation>
    </message>
    <message>
        <source>member spend loaded</source>
        <translation>会员消费已读取</translation>
    </message>
    <message>
        <source>member transactions loaded</source>
        <translation>会员交易已读取</translation>
    </message>
    <message>
        <source>members loaded</source>
        <translation>会员已读取</translation>
    </message>
    <message>
        <source>products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>promoted lines</source>
        <translation>促销商品行</translation>
    </message>
    <message>
        <source>promotions</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <source>purchase days</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>sale lines loaded</source>
        <translation>销售明细已读取</translation>
    </message>
    <message>
        <source>sales loaded</source>
        <translation>销售已读取</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>stock history</source>
        <translation>库存历史</translation>
    </message>
    <message>
        <source>suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>visits loaded</source>
        <translation>到店记录已读取</translation>
    </message>
    <message>
        <source>FP-growth</source>
        <translation>挖掘商品搭配（FP-growth）</translation>
    </message>
    <message>
        <source>adherence</source>
        <translation>依从性</translation>
    </message>
    <message>
        <source>classifying demand</source>
        <translation>正在分析销售规律</translation>
    </message>
    <message>
        <source>fitting purchase model (BG/NBD)</source>
        <translation>正在拟合到店模型（BG/NBD）</translation>
    </message>
    <message>
        <source>fitting spend model (Gamma-Gamma)</source>
        <translation>正在拟合消费模型（Gamma-Gamma）</translation>
    </message>
    <message>
        <source>forecasting</source>
        <translation>正在预测</translation>
    </message>
    <message>
        <source>inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>lapsed members and birthdays</source>
        <translation>流失会员与生日</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>已读取</translation>
    </message>
    <message>
        <source>medication synchronisation</source>
        <translation>统一取药日</translation>
    </message>
    <message>
        <source>mining the training baskets</source>
        <translation>正在分析学习用的购物篮</translation>
    </message>
    <message>
        <source>one-hot baskets</source>
        <translation>正在整理购物篮</translation>
    </message>
    <message>
        <source>promotions scored</source>
        <translation>促销活动已评估</translation>
    </message>
    <message>
        <source>reminder list</source>
        <translation>提醒清单</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>搭配规则</translation>
    </message>
    <message>
        <source>run-out dates</source>
        <translation>用完日期</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>scoring campaign</source>
        <translation>正在评估营销活动</translation>
    </message>
    <message>
        <source>scoring held-out baskets</source>
        <translation>正在检验留出的购物篮</translation>
    </message>
    <message>
        <source>scoring members</source>
        <translation>正在评估会员</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>stock and orders</source>
        <translation>库存与订单</translation>
    </message>
    <message>
        <source>summarising purchases</source>
        <translation>正在汇总购买记录</translation>
    </message>
</context>
<context>
    <name>quality</name>
    <message>
        <source>drug trading licence</source>
        <translation>药品经营许可证</translation>
    </message>
    <message>
        <source>business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>GSP certificate</source>
        <translation>GSP 证书</translation>
    </message>
    <message>
        <source>sales representative&apos;s authorisation</source>
        <translation>销售人员授权书</translation>
    </message>
    <message>
        <source>product approval (first-time product)</source>
        <translation>首营品种批准文件</translation>
    </message>
</context>
<context>
    <name>receipt</name>
    <message>
        <source>exp.</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>incl. VAT</source>
        <translation>含增值税</translation>
    </message>
    <message>
        <source>ref.</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Points earned: {0}</source>
        <translation>本次积分：{0}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>谢谢惠顾</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>You saved</source>
        <translation>为您节省</translation>
    </message>
    <message>
        <source>Spec.</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Mfr.</source>
        <translation>生产企业</translation>
    </message>
</context>
<context>
    <name>reorder</name>
    <message>
        <source>Sells most days, {week}</source>
        <extracomment>How a demand class sells, in words ({week}: the forecast units per week, already in words).</extracomment>
        <translation>大多数日子都有销售，{week}</translation>
    </message>
    <message>
        <source>Sells most days but in uneven amounts, {week}</source>
        <translation>大多数日子都有销售但数量不均，{week}</translation>
    </message>
    <message>
        <source>Sells on some days only, {week}</source>
        <translation>只在部分日子有销售，{week}</translation>
    </message>
    <message>
        <source>Sells now and then, in uneven amounts, {week}</source>
        <translation>偶尔有销售且数量不均，{week}</translation>
    </message>
    <message>
        <source>no sales expected</source>
        <translation>预计没有销售</translation>
    </message>
    <message>
        <source>less than 1 a week</source>
        <translation>每周不到 1 件</translation>
    </message>
    <message>
        <source>about {n} a week</source>
        <translation>每周约 {n} 件</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>{n} in stock</source>
        <translation>库存 {n} 件</translation>
    </message>
    <message>
        <source>more than a year of stock left</source>
        <translation>库存够卖一年以上</translation>
    </message>
    <message>
        <source>less than a day of stock left</source>
        <translation>库存不够卖一天</translation>
    </message>
    <message>
        <source>{n} days of stock left</source>
        <translation>库存还够卖 {n} 天</translation>
    </message>
    <message>
        <source>no need to order yet</source>
        <translation>暂时不需要订货</translation>
    </message>
    <message>
        <source>do not order: the supplier&apos;s minimum would expire before it sells</source>
        <translation>不要订货：供应商的最小订量在卖完前就会过期</translation>
    </message>
    <message>
        <source>order only {n}: more would expire before it sells</source>
        <translation>只订 {n} 件：再多就会在卖完前过期</translation>
    </message>
    <message>
        <source>order {n} (the supplier&apos;s minimum order)</source>
        <translation>订 {n} 件（供应商的最小订量）</translation>
    </message>
    <message>
        <source>order {n} (whole packs of {pack})</source>
        <translation>订 {n} 件（按整包 {pack} 件）</translation>
    </message>
    <message>
        <source>order {n}</source>
        <translation>订 {n} 件</translation>
    </message>
    <message>
        <source>No sales expected</source>
        <translation>预计没有销售</translation>
    </message>
    <message>
        <source>{n} already on order</source>
        <translation>已在途 {n} 件</translation>
    </message>
    <message>
        <source>the supplier needs {n} days</source>
        <translation>供应商需要 {n} 天送货</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>most days</source>
        <translation>大多数日子</translation>
    </message>
    <message>
        <source>most days, uneven amounts</source>
        <translation>大多数日子，数量不均</translation>
    </message>
    <message>
        <source>some days only</source>
        <translation>只在部分日子</translation>
    </message>
    <message>
        <source>now and then, uneven amounts</source>
        <translation>偶尔，数量不均</translation>
    </message>
    <message>
        <source>no recent sales</source>
        <translation>近期没有销售</translation>
    </message>
    <message>
        <source>below reorder point</source>
        <translation>低于再订货点</translation>
    </message>
    <message>
        <source>enough</source>
        <translation>充足</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <source>pharmacist</source>
        <translation>药剂师</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
</context>
<context>
    <name>segments</name>
    <message>
        <source>win back</source>
        <extracomment>Beyond this median recency (days) a group is gone for now: only &quot;win back&quot; fits it. A name that promises an active group (&quot;reward regulars&quot;, &quot;keep refills on time&quot;) needs its median member to have bought within this many days. The naming rules, in priority order. Each name says what the owner does with the group. ``c`` is a cluster&apos;s profile, ``p`` the population&apos;s (purchasing members): ``recency`` and ``tenure`` are medians in days; ``frequency``, ``monetary``, ``ticket`` and the ``share_*`` columns are means (ticket = monetary / frequency, currency units). A rule also checks the absolute figures its name promises (an active group bought within :data:`ACTIVE_DAYS`, nobody but &quot;win back&quot; past :data:`GONE_DAYS`), so a name never contradicts the group&apos;s numbers (:func:`name_fits`).</extracomment>
        <translation>挽回老顾客</translation>
    </message>
    <message>
        <source>welcome newcomers</source>
        <translation>欢迎新会员</translation>
    </message>
    <message>
        <source>call before they drift</source>
        <translation>趁未流失及时回访</translation>
    </message>
    <message>
        <source>keep refills on time</source>
        <translation>保持按时续药</translation>
    </message>
    <message>
        <source>mother &amp; baby offers</source>
        <translation>母婴优惠</translation>
    </message>
    <message>
        <source>thank big spenders</source>
        <translation>答谢高消费顾客</translation>
    </message>
    <message>
        <source>reward regulars</source>
        <translation>回馈常客</translation>
    </message>
    <message>
        <source>chronic care follow-up</source>
        <translation>慢病关怀回访</translation>
    </message>
    <message>
        <source>supplement offers</source>
        <translation>保健品优惠</translation>
    </message>
    <message>
        <source>self-care offers</source>
        <translation>自我药疗优惠</translation>
    </message>
    <message>
        <source>cold &amp; flu reminders</source>
        <translation>感冒季提醒</translation>
    </message>
    <message>
        <source>invite back occasional buyers</source>
        <translation>邀请偶尔来的顾客再来</translation>
    </message>
    <message>
        <source>keep in touch</source>
        <extracomment>What a group no rule fits is called: &quot;win back&quot; once its median member is gone (numbered when the rule&apos;s own &quot;win back&quot; is taken), else &quot;keep in touch&quot; (a name that promises nothing the numbers could contradict).</extracomment>
        <translation>保持联系</translation>
    </message>
    <message>
        <source>no purchase yet</source>
        <translation>尚未购买</translation>
    </message>
</context>
<context>
    <name>service</name>
    <message>
        <source>the member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>your medicine</source>
        <translation>您的药品</translation>
    </message>
    <message>
        <source>Hello %1, this is your pharmacy. We are calling to ask how you are getting on with %2: are you taking it as directed, and have you noticed any side effects?</source>
        <translation>%1您好，这里是您常去的药店。我们想回访一下您使用%2的情况：是否按医嘱服用？有没有发现什么不良反应？</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Add the scanned or typed product</source>
        <translation>添加扫描或输入的商品</translation>
    </message>
    <message>
        <source>Change the selected line&apos;s quantity</source>
        <translation>修改所选行的数量</translation>
    </message>
    <message>
        <source>Remove the selected line</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <source>Choose a line in the cart</source>
        <translation>在购物车中选择一行</translation>
    </message>
    <message>
        <source>Go to the page in that place of the list</source>
        <translation>转到列表中对应位置的页面</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>全局</translation>
    </message>
    <message>
        <source>Pay by cash, card, WeChat Pay, Alipay, insurance (医保), voucher or mixed</source>
        <translation>现金、银行卡、微信支付、支付宝、医保、代金券或混合支付</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>Pay part with the member&apos;s points</source>
        <translation>用会员积分抵扣部分金额</translation>
    </message>
    <message>
        <source>Complete the sale once the payment is complete</source>
        <translation>付款完整后完成销售</translation>
    </message>
</context>
<context>
    <name>splitLabel</name>
    <message>
        <source>Split-pack label</source>
        <translation>拆零药品标签</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>药品名称</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>用法用量</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Dispensed</source>
        <translation>调配日期</translation>
    </message>
    <message>
        <source>Ask the pharmacist</source>
        <translation>请遵医嘱或咨询药师</translation>
    </message>
</context>
</TS>
