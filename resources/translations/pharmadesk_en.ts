<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
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
        <translation>unknown</translation>
    </message>
    <message>
        <source>Store id</source>
        <translation>Store id</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>About PharmaDesk</source>
        <translation>About PharmaDesk</translation>
    </message>
    <message>
        <source>PharmaDesk {0}</source>
        <translation>PharmaDesk {0}</translation>
    </message>
    <message>
        <source>Till, stock, members and offline analytics for one pharmacy store.</source>
        <translation>Till, stock, members and offline analytics for one pharmacy store.</translation>
    </message>
    <message>
        <source>Licence: proprietary. © PharmaDesk. All rights reserved.</source>
        <translation>Licence: proprietary. © PharmaDesk. All rights reserved.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>AcceptanceTab</name>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>e.g. packaging intact, labels legible</source>
        <translation>e.g. packaging intact, labels legible</translation>
    </message>
    <message>
        <source>Arrival &amp;temperature</source>
        <translation>Arrival &amp;temperature</translation>
    </message>
    <message>
        <source>&amp;Record acceptance</source>
        <translation>&amp;Record acceptance</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>&amp;Conclusion</source>
        <translation>&amp;Conclusion</translation>
    </message>
    <message>
        <source>&amp;Quantity checked</source>
        <translation>&amp;Quantity checked</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Appearance</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Received goods awaiting acceptance: not sellable until accepted.</source>
        <translation>Received goods awaiting acceptance: not sellable until accepted.</translation>
    </message>
    <message>
        <source>Choose a receipt line first.</source>
        <translation>Choose a receipt line first.</translation>
    </message>
    <message>
        <source>{0} (batch {1}): {2}.</source>
        <translation>{0} (batch {1}): {2}.</translation>
    </message>
</context>
<context>
    <name>AdjustTab</name>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>On hand</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movement</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>Reason given</translation>
    </message>
    <message>
        <source>Adjust…</source>
        <translation>Adjust…</translation>
    </message>
    <message>
        <source>Write off…</source>
        <translation>Write off…</translation>
    </message>
    <message>
        <source>Recent movements</source>
        <translation>Recent movements</translation>
    </message>
    <message>
        <source>{0}: {1} on hand</source>
        <translation>{0}: {1} on hand</translation>
    </message>
    <message>
        <source>Choose a batch first.</source>
        <translation>Choose a batch first.</translation>
    </message>
    <message>
        <source>Stock changed.</source>
        <translation>Stock changed.</translation>
    </message>
</context>
<context>
    <name>AdrDialog</name>
    <message>
        <source>Adverse drug reaction report</source>
        <translation>Adverse drug reaction report</translation>
    </message>
    <message>
        <source>What happened (e.g. rash on both arms, dizziness)</source>
        <translation>What happened (e.g. rash on both arms, dizziness)</translation>
    </message>
    <message>
        <source>dose, route, how often, since when</source>
        <translation>dose, route, how often, since when</translation>
    </message>
    <message>
        <source>Course and handling: stopped, treated, referred</source>
        <translation>Course and handling: stopped, treated, referred</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>walk-in customer</source>
        <translation>walk-in customer</translation>
    </message>
    <message>
        <source>Suspect product</source>
        <translation>Suspect product</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaction</translation>
    </message>
    <message>
        <source>Onset date</source>
        <translation>Onset date</translation>
    </message>
    <message>
        <source>Seriousness</source>
        <translation>Seriousness</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>(batch not known)</source>
        <translation>(batch not known)</translation>
    </message>
    <message>
        <source>ADR report recorded. The batch is held in quarantine (Quality page) until a pharmacist releases or disposes of it.</source>
        <translation>ADR report recorded. The batch is held in quarantine (Quality page) until a pharmacist releases or disposes of it.</translation>
    </message>
    <message>
        <source>ADR report recorded.</source>
        <translation>ADR report recorded.</translation>
    </message>
</context>
<context>
    <name>AdrFormWriter</name>
    <message>
        <source>Adverse drug reaction / event report %1</source>
        <translation>Adverse drug reaction / event report %1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>pharmacy (distributor)</source>
        <translation>pharmacy (distributor)</translation>
    </message>
    <message>
        <source>Adverse drug reaction / event report</source>
        <translation>Adverse drug reaction / event report</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Report number</translation>
    </message>
    <message>
        <source>Signature of the reporter</source>
        <translation>Signature of the reporter</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Report type</source>
        <translation>Report type</translation>
    </message>
    <message>
        <source>Reporting unit</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>walk-in customer (name on the paper form)</source>
        <translation>walk-in customer (name on the paper form)</translation>
    </message>
    <message>
        <source>Sex / birth date</source>
        <translation>Sex / birth date</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Known allergies</source>
        <translation>Known allergies</translation>
    </message>
    <message>
        <source>Suspect medicine (brand / generic name)</source>
        <translation>Suspect medicine (brand / generic name)</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>Approval number</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Batch number / expiry</source>
        <translation>Batch number / expiry</translation>
    </message>
    <message>
        <source>Dose, route, frequency, dates taken</source>
        <translation>Dose, route, frequency, dates taken</translation>
    </message>
    <message>
        <source>Adverse reaction</source>
        <translation>Adverse reaction</translation>
    </message>
    <message>
        <source>Onset date</source>
        <translation>Onset date</translation>
    </message>
    <message>
        <source>Course and handling</source>
        <translation>Course and handling</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Batch put on quality hold</source>
        <translation>Batch put on quality hold</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Reporter (name, title)</source>
        <translation>Reporter (name, title)</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>Report date</translation>
    </message>
</context>
<context>
    <name>AnalyticsPane</name>
    <message>
        <source>Recompute</source>
        <translation>Recompute</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Table %1</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>ApprovalBox</name>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approval needed</source>
        <translation>Approval needed</translation>
    </message>
    <message>
        <source>A colleague who may {0} approves this sale:</source>
        <translation>A colleague who may {0} approves this sale:</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
</context>
<context>
    <name>ApproveSupplierDialog</name>
    <message>
        <source>Approve a first-time supplier</source>
        <translation>Approve a first-time supplier</translation>
    </message>
    <message>
        <source>&amp;Supplier</source>
        <translation>&amp;Supplier</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>Every supplier is approved already.</source>
        <translation>Every supplier is approved already.</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Follow-up call</source>
        <translation>Follow-up call</translation>
    </message>
    <message>
        <source>How they are getting on, side effects, questions</source>
        <translation>How they are getting on, side effects, questions</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Script</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Start campaign</source>
        <translation>Start campaign</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>Campaign: %1</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Holdout group</source>
        <translation>Holdout group</translation>
    </message>
</context>
<context>
    <name>CampaignsPane</name>
    <message>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contacted</translation>
    </message>
    <message>
        <source>Held out</source>
        <translation>Held out</translation>
    </message>
    <message>
        <source>Uplift</source>
        <translation>Uplift</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Campaigns as of %1</source>
        <translation>Campaigns as of %1</translation>
    </message>
    <message>
        <source>No campaign yet. Start one from the Segments page.</source>
        <translation>No campaign yet. Start one from the Segments page.</translation>
    </message>
    <message>
        <source> (the window is still running)</source>
        <translation> (the window is still running)</translation>
    </message>
    <message>
        <source>n/a (no cost)</source>
        <translation>n/a (no cost)</translation>
    </message>
    <message>
        <source>Converted: %1 of %2 contacted (%3), %4 of %5 held out (%6). Uplift %7, 95 % interval %8 to %9%10. Revenue: contacted %11, held out %12, incremental %13. Cost %14, ROI %15.</source>
        <translation>Converted: %1 of %2 contacted (%3), %4 of %5 held out (%6). Uplift %7, 95 % interval %8 to %9%10. Revenue: contacted %11, held out %12, incremental %13. Cost %14, ROI %15.</translation>
    </message>
    <message>
        <source>contacted</source>
        <translation>contacted</translation>
    </message>
    <message>
        <source>held out</source>
        <translation>held out</translation>
    </message>
    <message>
        <source>uplift (95 % CI)</source>
        <translation>uplift (95 % CI)</translation>
    </message>
    <message>
        <source>converted (%)</source>
        <translation>converted (%)</translation>
    </message>
</context>
<context>
    <name>CarePane</name>
    <message>
        <source>All reminders</source>
        <translation>All reminders</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Record the outcome: 1 called, 2 no answer, 3 refilled, 4 declined</source>
        <translation>Record the outcome: 1 called, 2 no answer, 3 refilled, 4 declined</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Script</translation>
    </message>
    <message>
        <source>Care worklist</source>
        <translation>Care worklist</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Care worklist for %1</source>
        <translation>Care worklist for %1</translation>
    </message>
    <message>
        <source>%1 reminders today (%2); %3 recorded.</source>
        <translation>%1 reminders today (%2); %3 recorded.</translation>
    </message>
    <message>
        <source>care calls</source>
        <translation>care calls</translation>
    </message>
    <message>
        <source>offers</source>
        <translation>offers</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>No reminders issued yet: conversion appears here once outcomes are recorded.</source>
        <translation>No reminders issued yet: conversion appears here once outcomes are recorded.</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>refilled within 7 days</source>
        <translation>refilled within 7 days</translation>
    </message>
    <message>
        <source>reminders</source>
        <translation>reminders</translation>
    </message>
    <message>
        <source>Reminder conversion per month</source>
        <translation>Reminder conversion per month</translation>
    </message>
    <message>
        <source>Select a reminder first.</source>
        <translation>Select a reminder first.</translation>
    </message>
    <message>
        <source>Recorded: %1.</source>
        <translation>Recorded: %1.</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Saving</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Line total</translation>
    </message>
    <message>
        <source> [Rx]</source>
        <translation> [Rx]</translation>
    </message>
    <message>
        <source>Batch {0}</source>
        <translation>Batch {0}</translation>
    </message>
    <message>
        <source>by the unit</source>
        <translation>by the unit</translation>
    </message>
    <message>
        <source>Codes {0}/{1}</source>
        <translation>Codes {0}/{1}</translation>
    </message>
    <message>
        <source>Traceability codes: {0}</source>
        <translation>Traceability codes: {0}</translation>
    </message>
    <message>
        <source>Prescription {0} by {1}</source>
        <translation>Prescription {0} by {1}</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>discount</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <source>Filter: name, generic name or barcode</source>
        <translation>Filter: name, generic name or barcode</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>New product…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Generic</source>
        <translation>Generic</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>Approval number</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>On hand</translation>
    </message>
    <message>
        <source>Near expiry</source>
        <translation>Near expiry</translation>
    </message>
    <message>
        <source>Product added.</source>
        <translation>Product added.</translation>
    </message>
    <message>
        <source>Product saved.</source>
        <translation>Product saved.</translation>
    </message>
</context>
<context>
    <name>CloseRecordDialog</name>
    <message>
        <source>Close the record</source>
        <translation>Close the record</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
</context>
<context>
    <name>CouponDialog</name>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Type or scan the coupon&apos;s code:</source>
        <translation>Type or scan the coupon&apos;s code:</translation>
    </message>
    <message>
        <source>In this sale: {0}</source>
        <translation>In this sale: {0}</translation>
    </message>
    <message>
        <source>&amp;Take the coupons off</source>
        <translation>&amp;Take the coupons off</translation>
    </message>
    <message>
        <source>Type the coupon&apos;s code.</source>
        <translation>Type the coupon&apos;s code.</translation>
    </message>
</context>
<context>
    <name>CouponsPanel</name>
    <message>
        <source>redeemed</source>
        <translation>redeemed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>to a campaign&apos;s target group</source>
        <translation>to a campaign&apos;s target group</translation>
    </message>
    <message>
        <source>as printed codes</source>
        <translation>as printed codes</translation>
    </message>
    <message>
        <source>&amp;Issue coupons</source>
        <translation>&amp;Issue coupons</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>valid until</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Cancel code…</source>
        <translation>&amp;Cancel code…</translation>
    </message>
    <message>
        <source>Res&amp;tore used code…</source>
        <translation>Res&amp;tore used code…</translation>
    </message>
    <message>
        <source>E&amp;xport list for SMS/WeChat…</source>
        <translation>E&amp;xport list for SMS/WeChat…</translation>
    </message>
    <message>
        <source>%1 (%2 contacted)</source>
        <translation>%1 (%2 contacted)</translation>
    </message>
    <message>
        <source>Coupons belong to a coupon promotion: choose one in the list.</source>
        <translation>Coupons belong to a coupon promotion: choose one in the list.</translation>
    </message>
    <message>
        <source>Issued %1 · redeemed %2 · expired %3 · open %4 · cancelled %5</source>
        <translation>Issued %1 · redeemed %2 · expired %3 · open %4 · cancelled %5</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>There is no campaign yet. Start one from the Segments page.</source>
        <translation>There is no campaign yet. Start one from the Segments page.</translation>
    </message>
    <message>
        <source>Issued %1.</source>
        <translation>Issued %1.</translation>
    </message>
    <message>
        <source>Left out %1 without marketing consent.</source>
        <translation>Left out %1 without marketing consent.</translation>
    </message>
    <message>
        <source>%1 already held an open coupon.</source>
        <translation>%1 already held an open coupon.</translation>
    </message>
    <message>
        <source>Export coupon list</source>
        <translation>Export coupon list</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>%1 coupons written to %2.</source>
        <translation>%1 coupons written to %2.</translation>
    </message>
    <message>
        <source>Cancel coupon</source>
        <translation>Cancel coupon</translation>
    </message>
    <message>
        <source>Cancel coupon %1 for good? It can no longer be used.</source>
        <translation>Cancel coupon %1 for good? It can no longer be used.</translation>
    </message>
    <message>
        <source>Coupon %1 cancelled.</source>
        <translation>Coupon %1 cancelled.</translation>
    </message>
    <message>
        <source>Restore coupon</source>
        <translation>Restore coupon</translation>
    </message>
    <message>
        <source>Give used coupon %1 back so it can be used again?</source>
        <translation>Give used coupon %1 back so it can be used again?</translation>
    </message>
    <message>
        <source>Coupon %1 restored.</source>
        <translation>Coupon %1 restored.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong. Your current sale is kept.

What to do: press Continue and carry on. If it happens again, finish or park the sale, close PharmaDesk and start it again, and send the log to your support contact.

The log is at {0}</source>
        <translation>Something went wrong. Your current sale is kept.

What to do: press Continue and carry on. If it happens again, finish or park the sale, close PharmaDesk and start it again, and send the log to your support contact.

The log is at {0}</translation>
    </message>
    <message>
        <source>PharmaDesk — something went wrong</source>
        <translation>PharmaDesk — something went wrong</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Click a category bar to see its top products.</source>
        <translation>Click a category bar to see its top products.</translation>
    </message>
    <message>
        <source>Top 10 products by revenue</source>
        <translation>Top 10 products by revenue</translation>
    </message>
    <message>
        <source>Bottom 10 products by revenue</source>
        <translation>Bottom 10 products by revenue</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Dashboard: %1 – %2</source>
        <translation>Dashboard: %1 – %2</translation>
    </message>
    <message>
        <source>previous: %1</source>
        <translation>previous: %1</translation>
    </message>
    <message>
        <source>change: –</source>
        <translation>change: –</translation>
    </message>
    <message>
        <source>change: %1 %</source>
        <translation>change: %1 %</translation>
    </message>
    <message>
        <source>daily sales</source>
        <translation>daily sales</translation>
    </message>
    <message>
        <source>7-day moving average</source>
        <translation>7-day moving average</translation>
    </message>
    <message>
        <source>Daily sales</source>
        <translation>Daily sales</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>hour</translation>
    </message>
    <message>
        <source>Transactions by hour and weekday</source>
        <translation>Transactions by hour and weekday</translation>
    </message>
    <message>
        <source>No sales in this period.</source>
        <translation>No sales in this period.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Category mix (click a bar)</source>
        <translation>Category mix (click a bar)</translation>
    </message>
    <message>
        <source>Top products in %1</source>
        <translation>Top products in %1</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Top 10</source>
        <translation>Top 10</translation>
    </message>
    <message>
        <source>Bottom 10</source>
        <translation>Bottom 10</translation>
    </message>
    <message>
        <source>Category mix</source>
        <translation>Category mix</translation>
    </message>
    <message>
        <source>Top in %1</source>
        <translation>Top in %1</translation>
    </message>
</context>
<context>
    <name>DayCloseConfirmation</name>
    <message>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation>Cash taken</translation>
    </message>
    <message>
        <source>Cash refunded</source>
        <translation>Cash refunded</translation>
    </message>
    <message>
        <source>Expected cash in the drawer</source>
        <translation>Expected cash in the drawer</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Takings by payment method</source>
        <translation>Takings by payment method</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>{0} sales, net {1}.</source>
        <translation>{0} sales, net {1}.</translation>
    </message>
    <message>
        <source>Close the day? This cannot be undone.</source>
        <translation>Close the day? This cannot be undone.</translation>
    </message>
    <message>
        <source>&amp;Close the day</source>
        <translation>&amp;Close the day</translation>
    </message>
    <message>
        <source>{0} short</source>
        <translation>{0} short</translation>
    </message>
    <message>
        <source>{0} over</source>
        <translation>{0} over</translation>
    </message>
    <message>
        <source>{0} (the cash balances)</source>
        <translation>{0} (the cash balances)</translation>
    </message>
</context>
<context>
    <name>DayClosePage</name>
    <message>
        <source>Opening float</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <source>Show &amp;X report</source>
        <translation>Show &amp;X report</translation>
    </message>
    <message>
        <source>&amp;Close the day (Z report)</source>
        <translation>&amp;Close the day (Z report)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>opening float</source>
        <translation>opening float</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {0}</source>
        <translation>The PDF could not be saved: {0}</translation>
    </message>
    <message>
        <source>{0} saved as {1}</source>
        <translation>{0} saved as {1}</translation>
    </message>
    <message>
        <source>counted cash</source>
        <translation>counted cash</translation>
    </message>
    <message>
        <source>Counted cash in the drawer (cash only)</source>
        <translation>Counted cash in the drawer (cash only)</translation>
    </message>
    <message>
        <source>Backup saved: {0}</source>
        <translation>Backup saved: {0}</translation>
    </message>
    <message>
        <source>The automatic backup failed: {0}. The day is closed; make a backup from Settings.</source>
        <translation>The automatic backup failed: {0}. The day is closed; make a backup from Settings.</translation>
    </message>
    <message>
        <source>Head-office bundle {0} saved.</source>
        <translation>Head-office bundle {0} saved.</translation>
    </message>
    <message>
        <source>The head-office export failed: {0}. The day is closed; export from Settings.</source>
        <translation>The head-office export failed: {0}. The day is closed; export from Settings.</translation>
    </message>
</context>
<context>
    <name>DayReportWriter</name>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>Items sold</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>Gross sales</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Points redeemed</translation>
    </message>
    <message>
        <source>Paid by customers</source>
        <translation>Paid by customers</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Per payment method</source>
        <translation>Per payment method</translation>
    </message>
    <message>
        <source>VAT included</source>
        <translation>VAT included</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>Average ticket</translation>
    </message>
    <message>
        <source>Refunds ({0})</source>
        <translation>Refunds ({0})</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <source>Cash variance</source>
        <translation>Cash variance</translation>
    </message>
</context>
<context>
    <name>DisposeDialog</name>
    <message>
        <source>Dispose of quarantined stock</source>
        <translation>Dispose of quarantined stock</translation>
    </message>
    <message>
        <source>Destroy (two witnesses)</source>
        <translation>Destroy (two witnesses)</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>Return to supplier</translation>
    </message>
    <message>
        <source>Release to stock (found fit)</source>
        <translation>Release to stock (found fit)</translation>
    </message>
    <message>
        <source>First witness</source>
        <translation>First witness</translation>
    </message>
    <message>
        <source>Second witness</source>
        <translation>Second witness</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Method</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Approve a first-time product</source>
        <translation>Approve a first-time product</translation>
    </message>
    <message>
        <source>Add a supplier document</source>
        <translation>Add a supplier document</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Product</translation>
    </message>
    <message>
        <source>&amp;Supplier</source>
        <translation>&amp;Supplier</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>valid without a term (长期)</source>
        <translation>valid without a term (长期)</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <source>&amp;Issued by</source>
        <translation>&amp;Issued by</translation>
    </message>
    <message>
        <source>Issued &amp;on</source>
        <translation>Issued &amp;on</translation>
    </message>
    <message>
        <source>&amp;Valid until</source>
        <translation>&amp;Valid until</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>Choose the product first.</source>
        <translation>Choose the product first.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Supplier documents</source>
        <translation>Supplier documents</translation>
    </message>
    <message>
        <source>Product documents</source>
        <translation>Product documents</translation>
    </message>
    <message>
        <source>Supplier or product</source>
        <translation>Supplier or product</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>no term</source>
        <translation>no term</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>First-time approval</source>
        <translation>First-time approval</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>not approved</source>
        <translation>not approved</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Next expiry</source>
        <translation>Next expiry</translation>
    </message>
    <message>
        <source>&amp;Add supplier document…</source>
        <translation>&amp;Add supplier document…</translation>
    </message>
    <message>
        <source>Approve s&amp;upplier…</source>
        <translation>Approve s&amp;upplier…</translation>
    </message>
    <message>
        <source>Approve &amp;product…</source>
        <translation>Approve &amp;product…</translation>
    </message>
    <message>
        <source>Who may deliver (and be received) under GSP:</source>
        <translation>Who may deliver (and be received) under GSP:</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>{0} document(s) expired or expire within {1} days: renew them.</source>
        <translation>{0} document(s) expired or expire within {1} days: renew them.</translation>
    </message>
    <message>
        <source>Document recorded.</source>
        <translation>Document recorded.</translation>
    </message>
    <message>
        <source>Supplier approved.</source>
        <translation>Supplier approved.</translation>
    </message>
    <message>
        <source>Product approved.</source>
        <translation>Product approved.</translation>
    </message>
</context>
<context>
    <name>EphedrineBuyerDialog</name>
    <message>
        <source>Ephedrine-containing medicine</source>
        <translation>Ephedrine-containing medicine</translation>
    </message>
    <message>
        <source>{0} contains ephedrine: enter the buyer&apos;s ID number and name. At most {1} packs per sale.</source>
        <translation>{0} contains ephedrine: enter the buyer&apos;s ID number and name. At most {1} packs per sale.</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>ExpiryTab</name>
    <message>
        <source>within {0} days</source>
        <translation>within {0} days</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>On hand</translation>
    </message>
    <message>
        <source>Cost value</source>
        <translation>Cost value</translation>
    </message>
    <message>
        <source>Expired on</source>
        <translation>Expired on</translation>
    </message>
    <message>
        <source>Write off selected…</source>
        <translation>Write off selected…</translation>
    </message>
    <message>
        <source>Write off all expired</source>
        <translation>Write off all expired</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expiring</translation>
    </message>
    <message>
        <source>Expired: never sold, write them off</source>
        <translation>Expired: never sold, write them off</translation>
    </message>
    <message>
        <source>Choose a batch first.</source>
        <translation>Choose a batch first.</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>Written off.</source>
        <translation>Written off.</translation>
    </message>
    <message>
        <source>{0} expired unit(s) written off.</source>
        <translation>{0} expired unit(s) written off.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to PharmaDesk</source>
        <translation>Welcome to PharmaDesk</translation>
    </message>
    <message>
        <source>The demo store already has a user called {0}. Go back and choose another user name for yourself.</source>
        <translation>The demo store already has a user called {0}. Go back and choose another user name for yourself.</translation>
    </message>
    <message>
        <source>The file {0} cannot be found.</source>
        <translation>The file {0} cannot be found.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from CSV</source>
        <translation>Import from CSV</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Sales history</source>
        <translation>Sales history</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <source>GB18030 (Chinese Excel)</source>
        <translation>GB18030 (Chinese Excel)</translation>
    </message>
    <message>
        <source>Western European (Windows-1252)</source>
        <translation>Western European (Windows-1252)</translation>
    </message>
    <message>
        <source>Big5 (Traditional Chinese)</source>
        <translation>Big5 (Traditional Chinese)</translation>
    </message>
    <message>
        <source>Import the good rows and skip rows with errors</source>
        <translation>Import the good rows and skip rows with errors</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <source>Start import</source>
        <translation>Start import</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Choose a CSV file</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Line {0}: {1}</source>
        <translation>Line {0}: {1}</translation>
    </message>
    <message>
        <source>The first rows, read as {0} (detected). If the text looks wrong, choose the encoding.</source>
        <translation>The first rows, read as {0} (detected). If the text looks wrong, choose the encoding.</translation>
    </message>
    <message>
        <source>The first rows, read as {0}.</source>
        <translation>The first rows, read as {0}.</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Import cancelled: nothing was imported.</translation>
    </message>
    <message>
        <source>Stopped after {0} errors: nothing was imported. Check the file&apos;s columns and encoding. Every error is listed in {1}.</source>
        <translation>Stopped after {0} errors: nothing was imported. Check the file&apos;s columns and encoding. Every error is listed in {1}.</translation>
    </message>
    <message>
        <source>Imported {0} of {1} rows ({2} skipped).</source>
        <translation>Imported {0} of {1} rows ({2} skipped).</translation>
    </message>
    <message>
        <source>Nothing was imported: {0} problem(s) in the file. Correct them, or choose to skip bad rows.</source>
        <translation>Nothing was imported: {0} problem(s) in the file. Correct them, or choose to skip bad rows.</translation>
    </message>
    <message>
        <source>The first {0} of {1} errors are listed below; every one is in {2}.</source>
        <translation>The first {0} of {1} errors are listed below; every one is in {2}.</translation>
    </message>
</context>
<context>
    <name>ListTable</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Till locked</source>
        <translation>Till locked</translation>
    </message>
    <message>
        <source>The current sale is kept. Enter your PIN to continue.</source>
        <translation>The current sale is kept. Enter your PIN to continue.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — {0}</source>
        <translation>Log in — {0}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Password or PIN</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>nobody logged in</source>
        <translation>nobody logged in</translation>
    </message>
    <message>
        <source>PharmaDesk — {0}</source>
        <translation>PharmaDesk — {0}</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Store</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>S&amp;taff…</source>
        <translation>S&amp;taff…</translation>
    </message>
    <message>
        <source>&amp;Lock the till</source>
        <translation>&amp;Lock the till</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About PharmaDesk</source>
        <translation>&amp;About PharmaDesk</translation>
    </message>
    <message>
        <source>Close PharmaDesk?</source>
        <translation>Close PharmaDesk?</translation>
    </message>
    <message>
        <source>Close the program anyway?</source>
        <translation>Close the program anyway?</translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation>&amp;Close anyway</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>&amp;Keep working</translation>
    </message>
</context>
<context>
    <name>MaintenanceTab</name>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>On hand</translation>
    </message>
    <message>
        <source>Key item</source>
        <translation>Key item</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Last checked</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>intact</translation>
    </message>
    <message>
        <source>Required when a defect is found</source>
        <translation>Required when a defect is found</translation>
    </message>
    <message>
        <source>&amp;Record check</source>
        <translation>&amp;Record check</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Appearance</translation>
    </message>
    <message>
        <source>&amp;Packaging</source>
        <translation>&amp;Packaging</translation>
    </message>
    <message>
        <source>F&amp;inding</source>
        <translation>F&amp;inding</translation>
    </message>
    <message>
        <source>A&amp;ction taken</source>
        <translation>A&amp;ction taken</translation>
    </message>
    <message>
        <source>Due for a check: key items (cold, cool, near expiry, ephedrine, flagged) monthly, the others quarterly.</source>
        <translation>Due for a check: key items (cold, cool, near expiry, ephedrine, flagged) monthly, the others quarterly.</translation>
    </message>
    <message>
        <source>Choose a batch first.</source>
        <translation>Choose a batch first.</translation>
    </message>
    <message>
        <source>{0} (batch {1}) checked: moved to quarantine.</source>
        <translation>{0} (batch {1}) checked: moved to quarantine.</translation>
    </message>
    <message>
        <source>{0} (batch {1}) checked.</source>
        <translation>{0} (batch {1}) checked.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit member</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <source>Register member</source>
        <translation>Register member</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000</source>
        <translation>e.g. 138 0013 8000</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>The store&apos;s language</source>
        <translation>The store&apos;s language</translation>
    </message>
    <message>
        <source>leave empty to issue a new card</source>
        <translation>leave empty to issue a new card</translation>
    </message>
    <message>
        <source>e.g. hypertension, diabetes</source>
        <translation>e.g. hypertension, diabetes</translation>
    </message>
    <message>
        <source>Agrees to care reminders</source>
        <translation>Agrees to care reminders</translation>
    </message>
    <message>
        <source>Agrees to marketing messages</source>
        <translation>Agrees to marketing messages</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Speaks</source>
        <translation>Speaks</translation>
    </message>
    <message>
        <source>Chronic conditions</source>
        <translation>Chronic conditions</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Consent given by</source>
        <translation>Consent given by</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Member (F3)</source>
        <translation>Member (F3)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>No member — F3 to attach one</source>
        <translation>No member — F3 to attach one</translation>
    </message>
    <message>
        <source>(anonymous member)</source>
        <translation>(anonymous member)</translation>
    </message>
    <message>
        <source>Phone {0} · Card {1} · {2} points</source>
        <translation>Phone {0} · Card {1} · {2} points</translation>
    </message>
</context>
<context>
    <name>MemberSearchDialog</name>
    <message>
        <source>Find member</source>
        <translation>Find member</translation>
    </message>
    <message>
        <source>Scan the card, or type phone digits or a name</source>
        <translation>Scan the card, or type phone digits or a name</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Attach</translation>
    </message>
    <message>
        <source>No member found.</source>
        <translation>No member found.</translation>
    </message>
    <message>
        <source>Choose a member first.</source>
        <translation>Choose a member first.</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Search: name, card number or phone digits</source>
        <translation>Search: name, card number or phone digits</translation>
    </message>
    <message>
        <source>Register member…</source>
        <translation>Register member…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>ADR report…</source>
        <translation>ADR report…</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Care reminders</source>
        <translation>Care reminders</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>care reminders</source>
        <translation>care reminders</translation>
    </message>
    <message>
        <source>marketing</source>
        <translation>marketing</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Consent history</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>none recorded</translation>
    </message>
    <message>
        <source> (since {0}, {1})</source>
        <translation> (since {0}, {1})</translation>
    </message>
    <message>
        <source>Member registered.</source>
        <translation>Member registered.</translation>
    </message>
    <message>
        <source>Member saved.</source>
        <translation>Member saved.</translation>
    </message>
    <message>
        <source>Print it from the Service page.</source>
        <translation>Print it from the Service page.</translation>
    </message>
</context>
<context>
    <name>NearExpiryTab</name>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Value at cost</source>
        <translation>Value at cost</translation>
    </message>
    <message>
        <source>{0} batch(es) expire within {1} days, worth {2} at cost.</source>
        <translation>{0} batch(es) expire within {1} days, worth {2} at cost.</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>New purchase order</source>
        <translation>New purchase order</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Add line</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>all orders</source>
        <translation>all orders</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>New draft…</source>
        <translation>New draft…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Order sent.</source>
        <translation>Order sent.</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <source>Order cancelled.</source>
        <translation>Order cancelled.</translation>
    </message>
    <message>
        <source>Draft order #{0} saved.</source>
        <translation>Draft order #{0} saved.</translation>
    </message>
    <message>
        <source>Choose an order first.</source>
        <translation>Choose an order first.</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <source>The owner&apos;s account</source>
        <translation>The owner&apos;s account</translation>
    </message>
    <message>
        <source>You log in with this account. Add your staff later, under Settings.</source>
        <translation>You log in with this account. Add your staff later, under Settings.</translation>
    </message>
    <message>
        <source>4 to 8 digits, to unlock the till quickly (optional)</source>
        <translation>4 to 8 digits, to unlock the till quickly (optional)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>PagedTable</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>{0}–{1} of {2} · page {3} of {4}</source>
        <translation>{0}–{1} of {2} · page {3} of {4}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock the store</source>
        <translation>Unlock the store</translation>
    </message>
    <message>
        <source>This computer does not hold the key of the store in
{0}.
Enter the recovery passphrase to open it.</source>
        <translation>This computer does not hold the key of the store in
{0}.
Enter the recovery passphrase to open it.</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>Recovery passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Recovery passphrase</source>
        <translation>Recovery passphrase</translation>
    </message>
    <message>
        <source>It opens the store on a new computer or from a backup. Without it, nobody — not even PharmaDesk&apos;s makers — can recover your data.</source>
        <translation>It opens the store on a new computer or from a backup. Without it, nobody — not even PharmaDesk&apos;s makers — can recover your data.</translation>
    </message>
    <message>
        <source>Write this passphrase down on paper now and keep it in a safe place. It is shown only here, only once.</source>
        <translation>Write this passphrase down on paper now and keep it in a safe place. It is shown only here, only once.</translation>
    </message>
    <message>
        <source>Make another</source>
        <translation>Make another</translation>
    </message>
    <message>
        <source>I will choose my own passphrase</source>
        <translation>I will choose my own passphrase</translation>
    </message>
    <message>
        <source>At least {0} characters</source>
        <translation>At least {0} characters</translation>
    </message>
    <message>
        <source>Type it again to confirm</source>
        <translation>Type it again to confirm</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <extracomment>method -&gt; the key that chooses it (shown on its button)</extracomment>
        <translation>Payment</translation>
    </message>
    <message>
        <source>F9 Pay with points (has {0})</source>
        <translation>F9 Pay with points (has {0})</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Voucher number (optional)</source>
        <translation>Voucher number (optional)</translation>
    </message>
    <message>
        <source>Transaction reference: scan or type</source>
        <translation>Transaction reference: scan or type</translation>
    </message>
    <message>
        <source>Scan or type the transaction reference.</source>
        <translation>Scan or type the transaction reference.</translation>
    </message>
    <message>
        <source>Type the amount as a number, e.g. 12.50.</source>
        <translation>Type the amount as a number, e.g. 12.50.</translation>
    </message>
    <message>
        <source>The amounts are more than the total.</source>
        <translation>The amounts are more than the total.</translation>
    </message>
    <message>
        <source>Type the cash given.</source>
        <translation>Type the cash given.</translation>
    </message>
    <message>
        <source>To pay: {0}</source>
        <translation>To pay: {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Cash due: {0}</source>
        <translation>Cash due: {0}</translation>
    </message>
    <message>
        <source> points</source>
        <translation> points</translation>
    </message>
    <message>
        <source>Cash given</source>
        <translation>Cash given</translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation>Complete sale</translation>
    </message>
    <message>
        <source>cash given</source>
        <translation>cash given</translation>
    </message>
    <message>
        <source>To pay: {0} (after {1} points worth {2})</source>
        <translation>To pay: {0} (after {1} points worth {2})</translation>
    </message>
    <message>
        <source>Change: —</source>
        <translation>Change: —</translation>
    </message>
    <message>
        <source>Still to pay in cash: {0}</source>
        <translation>Still to pay in cash: {0}</translation>
    </message>
    <message>
        <source>Change: {0}</source>
        <translation>Change: {0}</translation>
    </message>
</context>
<context>
    <name>PreferencesPage</name>
    <message>
        <source>Language, receipts and backups</source>
        <translation>Language, receipts and backups</translation>
    </message>
    <message>
        <source>You can change all of these later under Store → Settings.</source>
        <translation>You can change all of these later under Store → Settings.</translation>
    </message>
    <message>
        <source>Address, phone, licence number…</source>
        <translation>Address, phone, licence number…</translation>
    </message>
    <message>
        <source>Optional: a USB drive or network folder</source>
        <translation>Optional: a USB drive or network folder</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Receipt header</source>
        <translation>Receipt header</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>With a backup folder, PharmaDesk backs up the store after every day close.</source>
        <translation>With a backup folder, PharmaDesk backs up the store after every day close.</translation>
    </message>
</context>
<context>
    <name>PrescriptionDialog</name>
    <message>
        <source>Prescription</source>
        <translation>Prescription</translation>
    </message>
    <message>
        <source>controlled</source>
        <translation>controlled</translation>
    </message>
    <message>
        <source>prescription-only</source>
        <translation>prescription-only</translation>
    </message>
    <message>
        <source>{0} is {1}. Enter the prescription.</source>
        <translation>{0} is {1}. Enter the prescription.</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} or {1}</translation>
    </message>
    <message>
        <source>The date written on the prescription, e.g. {0} or {1}</source>
        <translation>The date written on the prescription, e.g. {0} or {1}</translation>
    </message>
    <message>
        <source>optional: the scanned prescription (PNG or JPEG file)</source>
        <translation>optional: the scanned prescription (PNG or JPEG file)</translation>
    </message>
    <message>
        <source>only if one pharmacist signs review and check</source>
        <translation>only if one pharmacist signs review and check</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescriber</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Prescription number</source>
        <translation>Prescription number</translation>
    </message>
    <message>
        <source>Prescription date</source>
        <translation>Prescription date</translation>
    </message>
    <message>
        <source>Prescription image</source>
        <translation>Prescription image</translation>
    </message>
    <message>
        <source>Reviewed by a pharmacist (审核)</source>
        <translation>Reviewed by a pharmacist (审核)</translation>
    </message>
    <message>
        <source>A pharmacist confirms</source>
        <translation>A pharmacist confirms</translation>
    </message>
    <message>
        <source>Checked by a second pharmacist (核对)</source>
        <translation>Checked by a second pharmacist (核对)</translation>
    </message>
    <message>
        <source>One pharmacist on duty: reason</source>
        <translation>One pharmacist on duty: reason</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Edit product</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>(for Chinese names)</source>
        <translation>(for Chinese names)</translation>
    </message>
    <message>
        <source>e.g. tablets, 胶囊剂</source>
        <translation>e.g. tablets, 胶囊剂</translation>
    </message>
    <message>
        <source>(not a maintenance drug)</source>
        <translation>(not a maintenance drug)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Sold at the till</source>
        <translation>Sold at the till</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Pinyin initials</source>
        <translation>Pinyin initials</translation>
    </message>
    <message>
        <source>Generic name</source>
        <translation>Generic name</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Strength</translation>
    </message>
    <message>
        <source>Dosage form</source>
        <translation>Dosage form</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Product</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Marketing-authorisation holder</source>
        <translation>Marketing-authorisation holder</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>Approval number</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>OTC class</source>
        <translation>OTC class</translation>
    </message>
    <message>
        <source>Storage condition</source>
        <translation>Storage condition</translation>
    </message>
    <message>
        <source>Insurance code</source>
        <translation>Insurance code</translation>
    </message>
    <message>
        <source>Units per pack (split)</source>
        <translation>Units per pack (split)</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>&amp;Regulatory</source>
        <translation>&amp;Regulatory</translation>
    </message>
    <message>
        <source>国药准字H20013062, or 国械注准… for a device</source>
        <translation>国药准字H20013062, or 国械注准… for a device</translation>
    </message>
    <message>
        <source>e.g. 0.25g×24粒</source>
        <translation>e.g. 0.25g×24粒</translation>
    </message>
    <message>
        <source>(not OTC)</source>
        <translation>(not OTC)</translation>
    </message>
    <message>
        <source>(not sold by the unit)</source>
        <translation>(not sold by the unit)</translation>
    </message>
    <message>
        <source>e.g. 粒, 片, 袋</source>
        <translation>e.g. 粒, 片, 袋</translation>
    </message>
    <message>
        <source>Contains ephedrine (含麻黄碱)</source>
        <translation>Contains ephedrine (含麻黄碱)</translation>
    </message>
    <message>
        <source>ATC code</source>
        <translation>ATC code</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Legal class</source>
        <translation>Legal class</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Pack size</source>
        <translation>Pack size</translation>
    </message>
    <message>
        <source>Days of supply</source>
        <translation>Days of supply</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <source>Scan a barcode or type a name, then Enter</source>
        <translation>Scan a barcode or type a name, then Enter</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Showing the results…</source>
        <translation>Showing the results…</translation>
    </message>
</context>
<context>
    <name>PromotionDialog</name>
    <message>
        <source>New promotion</source>
        <translation>New promotion</translation>
    </message>
    <message>
        <source>printed on the receipt, e.g. 满100减10 (default: the name)</source>
        <translation>printed on the receipt, e.g. 满100减10 (default: the name)</translation>
    </message>
    <message>
        <source>a percent off for members</source>
        <translation>a percent off for members</translation>
    </message>
    <message>
        <source>a member price per product (in the product list)</source>
        <translation>a member price per product (in the product list)</translation>
    </message>
    <message>
        <source>a percent of the price per tier</source>
        <translation>a percent of the price per tier</translation>
    </message>
    <message>
        <source>Repeats (save again for each further threshold)</source>
        <translation>Repeats (save again for each further threshold)</translation>
    </message>
    <message>
        <source>the same product, or scan / type another one and Enter</source>
        <translation>the same product, or scan / type another one and Enter</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Receipt label</source>
        <translation>Receipt label</translation>
    </message>
    <message>
        <source>Member price as</source>
        <translation>Member price as</translation>
    </message>
    <message>
        <source>Pays (percent of price)</source>
        <translation>Pays (percent of price)</translation>
    </message>
    <message>
        <source>Every Nth item</source>
        <translation>Every Nth item</translation>
    </message>
    <message>
        <source>Buy (units)</source>
        <translation>Buy (units)</translation>
    </message>
    <message>
        <source>Get free (units)</source>
        <translation>Get free (units)</translation>
    </message>
    <message>
        <source>Free product</source>
        <translation>Free product</translation>
    </message>
    <message>
        <source>Spend at least</source>
        <translation>Spend at least</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>Amount off</translation>
    </message>
    <message>
        <source>Points (100 % = usual)</source>
        <translation>Points (100 % = usual)</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Member price</source>
        <translation>Member price</translation>
    </message>
    <message>
        <source>Remove product</source>
        <translation>Remove product</translation>
    </message>
    <message>
        <source>Include prescription-only and controlled items</source>
        <translation>Include prescription-only and controlled items</translation>
    </message>
    <message>
        <source>Warning: discounting prescription medicines may break the rules on advertising them. Only if you are sure.</source>
        <translation>Warning: discounting prescription medicines may break the rules on advertising them. Only if you are sure.</translation>
    </message>
    <message>
        <source>Products (none chosen: all products)</source>
        <translation>Products (none chosen: all products)</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>e.g. 8, 18, 28 (empty: every day)</source>
        <translation>e.g. 8, 18, 28 (empty: every day)</translation>
    </message>
    <message>
        <source>Only from</source>
        <translation>Only from</translation>
    </message>
    <message>
        <source>until</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Starts on</translation>
    </message>
    <message>
        <source>Weekdays (none: every day)</source>
        <translation>Weekdays (none: every day)</translation>
    </message>
    <message>
        <source>Days of the month</source>
        <translation>Days of the month</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>everyone</translation>
    </message>
    <message>
        <source>members</source>
        <translation>members</translation>
    </message>
    <message>
        <source>members of a tier</source>
        <translation>members of a tier</translation>
    </message>
    <message>
        <source>a campaign&apos;s target group (members who agreed to marketing)</source>
        <translation>a campaign&apos;s target group (members who agreed to marketing)</translation>
    </message>
    <message>
        <source>%1 (%2 contacted)</source>
        <translation>%1 (%2 contacted)</translation>
    </message>
    <message>
        <source>exclusive: alone on its items</source>
        <translation>exclusive: alone on its items</translation>
    </message>
    <message>
        <source>stacks with other stackable promotions</source>
        <translation>stacks with other stackable promotions</translation>
    </message>
    <message>
        <source>best for customer: the one saving most of its kind</source>
        <translation>best for customer: the one saving most of its kind</translation>
    </message>
    <message>
        <source>Discounted items earn points</source>
        <translation>Discounted items earn points</translation>
    </message>
    <message>
        <source>Allow selling below cost (owner approval)</source>
        <translation>Allow selling below cost (owner approval)</translation>
    </message>
    <message>
        <source>Warning: items may then sell for less than they cost you.</source>
        <translation>Warning: items may then sell for less than they cost you.</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Stacking</source>
        <translation>Stacking</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Who and how</source>
        <translation>Who and how</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>walk-in customer</source>
        <translation>walk-in customer</translation>
    </message>
    <message>
        <source>%1 member</source>
        <translation>%1 member</translation>
    </message>
    <message>
        <source>&amp;Preview prices</source>
        <translation>&amp;Preview prices</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>With this promotion</source>
        <translation>With this promotion</translation>
    </message>
    <message>
        <source>Printed as</source>
        <translation>Printed as</translation>
    </message>
    <message>
        <source>Price preview (nothing is saved)</source>
        <translation>Price preview (nothing is saved)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <source>That item pays (percent of price)</source>
        <translation>That item pays (percent of price)</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Percent off</translation>
    </message>
    <message>
        <source>Choose a product to preview its price.</source>
        <translation>Choose a product to preview its price.</translation>
    </message>
    <message>
        <source>Total %1 → %2 (saves %3; today&apos;s promotions alone: %4).</source>
        <translation>Total %1 → %2 (saves %3; today&apos;s promotions alone: %4).</translation>
    </message>
    <message>
        <source>This promotion does not run at the chosen moment: change “At” to a day and hour it runs.</source>
        <translation>This promotion does not run at the chosen moment: change “At” to a day and hour it runs.</translation>
    </message>
</context>
<context>
    <name>PromotionResultsView</name>
    <message>
        <source>Promotions</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Discount cost</source>
        <translation>Discount cost</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>Members reached</source>
        <translation>Members reached</translation>
    </message>
    <message>
        <source>Coupons issued / redeemed / expired</source>
        <translation>Coupons issued / redeemed / expired</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Promotions as of %1</source>
        <translation>Promotions as of %1</translation>
    </message>
    <message>
        <source>No promotion yet.</source>
        <translation>No promotion yet.</translation>
    </message>
    <message>
        <source>%1: %2 members got it, %3 were held out; conversion uplift %4 (95 % interval %5 to %6).</source>
        <translation>%1: %2 members got it, %3 were held out; conversion uplift %4 (95 % interval %5 to %6).</translation>
    </message>
    <message>
        <source>%1: %2 of %3 running days compared; in-scope sales %4 against %5 expected (%6).</source>
        <translation>%1: %2 of %3 running days compared; in-scope sales %4 against %5 expected (%6).</translation>
    </message>
    <message>
        <source> Incremental margin %1 minus discount cost %2: %3.</source>
        <translation> Incremental margin %1 minus discount cost %2: %3.</translation>
    </message>
</context>
<context>
    <name>PromotionText</name>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>days %1</source>
        <translation>days %1</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>everyone</translation>
    </message>
    <message>
        <source>members</source>
        <translation>members</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 members</translation>
    </message>
    <message>
        <source>%1 members of “%2”</source>
        <translation>%1 members of “%2”</translation>
    </message>
    <message>
        <source>%1 listed members</source>
        <translation>%1 listed members</translation>
    </message>
    <message>
        <source>%1 % off</source>
        <translation>%1 % off</translation>
    </message>
    <message>
        <source>%1 off each</source>
        <translation>%1 off each</translation>
    </message>
    <message>
        <source>item no. %1 at %2 % of its price</source>
        <translation>item no. %1 at %2 % of its price</translation>
    </message>
    <message>
        <source>buy %1 get %2 free</source>
        <translation>buy %1 get %2 free</translation>
    </message>
    <message>
        <source>spend %1 save %2</source>
        <translation>spend %1 save %2</translation>
    </message>
    <message>
        <source> (repeats)</source>
        <translation> (repeats)</translation>
    </message>
    <message>
        <source>%1 off from %2</source>
        <translation>%1 off from %2</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>%1 off</translation>
    </message>
    <message>
        <source>%1 % points</source>
        <translation>%1 % points</translation>
    </message>
    <message>
        <source>member prices for %1 products</source>
        <translation>member prices for %1 products</translation>
    </message>
    <message>
        <source>%1 pays %2 %</source>
        <translation>%1 pays %2 %</translation>
    </message>
    <message>
        <source>%1 % off for members</source>
        <translation>%1 % off for members</translation>
    </message>
    <message>
        <source>all products</source>
        <translation>all products</translation>
    </message>
    <message>
        <source>; except %1</source>
        <translation>; except %1</translation>
    </message>
    <message>
        <source>; includes prescription-only items</source>
        <translation>; includes prescription-only items</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Kind: %1 · printed as “%2”</source>
        <translation>Kind: %1 · printed as “%2”</translation>
    </message>
    <message>
        <source>Gives: %1</source>
        <translation>Gives: %1</translation>
    </message>
    <message>
        <source>Products: %1</source>
        <translation>Products: %1</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>When: %1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>For: %1</translation>
    </message>
    <message>
        <source>Stacking: %1</source>
        <translation>Stacking: %1</translation>
    </message>
    <message>
        <source>Earns points: %1</source>
        <translation>Earns points: %1</translation>
    </message>
    <message>
        <source>Gift: %1</source>
        <translation>Gift: %1</translation>
    </message>
    <message>
        <source>May sell below cost (owner approved)</source>
        <translation>May sell below cost (owner approved)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
</context>
<context>
    <name>PromotionsPage</name>
    <message>
        <source>All promotions</source>
        <translation>All promotions</translation>
    </message>
    <message>
        <source>&amp;New promotion…</source>
        <translation>&amp;New promotion…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>&amp;End…</source>
        <translation>&amp;End…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Receipt label</source>
        <translation>Receipt label</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Stacking</source>
        <translation>Stacking</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>New promotion</source>
        <translation>New promotion</translation>
    </message>
    <message>
        <source>No promotion yet. Press New promotion to make one.</source>
        <translation>No promotion yet. Press New promotion to make one.</translation>
    </message>
    <message>
        <source>Promotion “%1” saved.</source>
        <translation>Promotion “%1” saved.</translation>
    </message>
    <message>
        <source>End promotion</source>
        <translation>End promotion</translation>
    </message>
    <message>
        <source>End “%1” for good? It stops at once and cannot be resumed; its open coupons stop being accepted.</source>
        <translation>End “%1” for good? It stops at once and cannot be resumed; its open coupons stop being accepted.</translation>
    </message>
    <message>
        <source>“%1” paused.</source>
        <translation>“%1” paused.</translation>
    </message>
    <message>
        <source>“%1” runs again.</source>
        <translation>“%1” runs again.</translation>
    </message>
    <message>
        <source>“%1” ended.</source>
        <translation>“%1” ended.</translation>
    </message>
</context>
<context>
    <name>PurchaseOrderWriter</name>
    <message>
        <source>Purchase order %1</source>
        <translation>Purchase order %1</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Unit cost</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Line total</translation>
    </message>
    <message>
        <source>Total at cost</source>
        <translation>Total at cost</translation>
    </message>
</context>
<context>
    <name>QualityForms</name>
    <message>
        <source>Supplier qualification record</source>
        <translation>Supplier qualification record</translation>
    </message>
    <message>
        <source>First-product approval record</source>
        <translation>First-product approval record</translation>
    </message>
    <message>
        <source>Acceptance record</source>
        <translation>Acceptance record</translation>
    </message>
    <message>
        <source>Storage temperature and humidity log</source>
        <translation>Storage temperature and humidity log</translation>
    </message>
    <message>
        <source>Maintenance record</source>
        <translation>Maintenance record</translation>
    </message>
    <message>
        <source>Quarantine and disposal record</source>
        <translation>Quarantine and disposal record</translation>
    </message>
    <message>
        <source>Near-expiry report</source>
        <translation>Near-expiry report</translation>
    </message>
    <message>
        <source>Sales record</source>
        <translation>Sales record</translation>
    </message>
    <message>
        <source>Drug trading licence</source>
        <translation>Drug trading licence</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>Business licence</translation>
    </message>
    <message>
        <source>GSP certificate</source>
        <translation>GSP certificate</translation>
    </message>
    <message>
        <source>Sales representative authorisation</source>
        <translation>Sales representative authorisation</translation>
    </message>
    <message>
        <source>Drug registration certificate</source>
        <translation>Drug registration certificate</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>to quarantine</source>
        <translation>to quarantine</translation>
    </message>
    <message>
        <source>in order</source>
        <translation>in order</translation>
    </message>
    <message>
        <source>defect found</source>
        <translation>defect found</translation>
    </message>
    <message>
        <source>held in quarantine</source>
        <translation>held in quarantine</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>destroyed</translation>
    </message>
    <message>
        <source>returned to supplier</source>
        <translation>returned to supplier</translation>
    </message>
    <message>
        <source>released to stock</source>
        <translation>released to stock</translation>
    </message>
    <message>
        <source>ambient</source>
        <translation>ambient</translation>
    </message>
    <message>
        <source>cool</source>
        <translation>cool</translation>
    </message>
    <message>
        <source>cold chain</source>
        <translation>cold chain</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Licence or certificate</source>
        <translation>Licence or certificate</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>Dosage form</source>
        <translation>Dosage form</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>Approval number</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Appearance and packaging</source>
        <translation>Appearance and packaging</translation>
    </message>
    <message>
        <source>Arrival °C</source>
        <translation>Arrival °C</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Storage area</source>
        <translation>Storage area</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Temperature °C</source>
        <translation>Temperature °C</translation>
    </message>
    <message>
        <source>Humidity %</source>
        <translation>Humidity %</translation>
    </message>
    <message>
        <source>In range</source>
        <translation>In range</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Corrective action</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>Packaging</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Closed by</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Witnesses</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Value at cost</source>
        <translation>Value at cost</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Sold at</source>
        <translation>Sold at</translation>
    </message>
    <message>
        <source>Generic name</source>
        <translation>Generic name</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>Sold by</source>
        <translation>Sold by</translation>
    </message>
    <message>
        <source>Quality manager</source>
        <translation>Quality manager</translation>
    </message>
    <message>
        <source>Acceptance inspector</source>
        <translation>Acceptance inspector</translation>
    </message>
    <message>
        <source>Maintenance staff</source>
        <translation>Maintenance staff</translation>
    </message>
    <message>
        <source>Pharmacist</source>
        <translation>Pharmacist</translation>
    </message>
    <message>
        <source>Period: %1 – %2</source>
        <translation>Period: %1 – %2</translation>
    </message>
    <message>
        <source>No records in this period.</source>
        <translation>No records in this period.</translation>
    </message>
    <message>
        <source>Storage area: %1</source>
        <translation>Storage area: %1</translation>
    </message>
    <message>
        <source>allowed %1–%2 °C</source>
        <translation>allowed %1–%2 °C</translation>
    </message>
    <message>
        <source>humidity %1–%2 %</source>
        <translation>humidity %1–%2 %</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>% RH</source>
        <translation>% RH</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Month: %1</source>
        <translation>Month: %1</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <source>Storage log</source>
        <translation>Storage log</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <source>Near expiry</source>
        <translation>Near expiry</translation>
    </message>
    <message>
        <source>Print form…</source>
        <translation>Print form…</translation>
    </message>
    <message>
        <source>Save form as PDF…</source>
        <translation>Save form as PDF…</translation>
    </message>
    <message>
        <source>Export for inspector…</source>
        <translation>Export for inspector…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>T&amp;o</translation>
    </message>
    <message>
        <source>Print the form of this tab</source>
        <translation>Print the form of this tab</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <source>{0} sent to the printer.</source>
        <translation>{0} sent to the printer.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>Printed %1 by %2</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {0}</source>
        <translation>The PDF could not be saved: {0}</translation>
    </message>
    <message>
        <source>{0} saved as {1}</source>
        <translation>{0} saved as {1}</translation>
    </message>
    <message>
        <source>Folder for the inspector&apos;s files</source>
        <translation>Folder for the inspector&apos;s files</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export cancelled.</translation>
    </message>
    <message>
        <source>{0} files for the inspector written to {1}</source>
        <translation>{0} files for the inspector written to {1}</translation>
    </message>
</context>
<context>
    <name>QualityReminder</name>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Storage readings due: {0}. Enter them on the Quality page (Storage log).</source>
        <translation>Storage readings due: {0}. Enter them on the Quality page (Storage log).</translation>
    </message>
    <message>
        <source>Near expiry: {0} batch {1} expires on {2} ({3} days left). Tell the customer.</source>
        <translation>Near expiry: {0} batch {1} expires on {2} ({3} days left). Tell the customer.</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Move to quarantine</source>
        <translation>Move to quarantine</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Product</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Batch</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Quantity</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Choose the product and its batch first.</source>
        <translation>Choose the product and its batch first.</translation>
    </message>
</context>
<context>
    <name>QuarantineTab</name>
    <message>
        <source>Held in quarantine</source>
        <translation>Held in quarantine</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>All records</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Move to quarantine…</source>
        <translation>&amp;Move to quarantine…</translation>
    </message>
    <message>
        <source>&amp;Dispose…</source>
        <translation>&amp;Dispose…</translation>
    </message>
    <message>
        <source>{0} unit(s) of {1} moved to quarantine.</source>
        <translation>{0} unit(s) of {1} moved to quarantine.</translation>
    </message>
    <message>
        <source>Choose a record held in quarantine first.</source>
        <translation>Choose a record held in quarantine first.</translation>
    </message>
    <message>
        <source>{0} (batch {1}): {2}.</source>
        <translation>{0} (batch {1}): {2}.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt {0}</source>
        <translation>Receipt {0}</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>The receipt printer {0} did not answer: {1}</source>
        <translation>The receipt printer {0} did not answer: {1}</translation>
    </message>
    <message>
        <source>Sent to the receipt printer.</source>
        <translation>Sent to the receipt printer.</translation>
    </message>
</context>
<context>
    <name>ReceiptTab</name>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>Purchase order</translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation>Delivery note</translation>
    </message>
    <message>
        <source>batch / lot</source>
        <translation>batch / lot</translation>
    </message>
    <message>
        <source>expiry YYYY-MM-DD</source>
        <translation>expiry YYYY-MM-DD</translation>
    </message>
    <message>
        <source>unit cost</source>
        <translation>unit cost</translation>
    </message>
    <message>
        <source>scan each pack&apos;s traceability code</source>
        <translation>scan each pack&apos;s traceability code</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Add line</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Unit cost</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>Book the receipt</source>
        <translation>Book the receipt</translation>
    </message>
    <message>
        <source>(no order)</source>
        <translation>(no order)</translation>
    </message>
    <message>
        <source>Order #{0} ({1})</source>
        <translation>Order #{0} ({1})</translation>
    </message>
    <message>
        <source>{0} code(s) for this line</source>
        <translation>{0} code(s) for this line</translation>
    </message>
    <message>
        <source>Choose the product first.</source>
        <translation>Choose the product first.</translation>
    </message>
    <message>
        <source>Choose the supplier first.</source>
        <translation>Choose the supplier first.</translation>
    </message>
    <message>
        <source>Goods receipt #{0} booked.</source>
        <translation>Goods receipt #{0} booked.</translation>
    </message>
</context>
<context>
    <name>ReorderPane</name>
    <message>
        <source>Reorder suggestions</source>
        <translation>Reorder suggestions</translation>
    </message>
    <message>
        <source>Any urgency</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>All products</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Sells</source>
        <translation>Sells</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Forecast/day</source>
        <translation>Forecast/day</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>On hand</translation>
    </message>
    <message>
        <source>Days of stock</source>
        <translation>Days of stock</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>On order</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>Reorder point</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>Order qty</source>
        <translation>Order qty</translation>
    </message>
    <message>
        <source>Service vs stock</source>
        <translation>Service vs stock</translation>
    </message>
    <message>
        <source>Create purchase orders</source>
        <translation>Create purchase orders</translation>
    </message>
    <message>
        <source>Save PO as PDF…</source>
        <translation>Save PO as PDF…</translation>
    </message>
    <message>
        <source>Print PO…</source>
        <translation>Print PO…</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Reorder suggestions as of %1</source>
        <translation>Reorder suggestions as of %1</translation>
    </message>
    <message>
        <source>All suppliers</source>
        <translation>All suppliers</translation>
    </message>
    <message>
        <source>Any pattern</source>
        <translation>Any pattern</translation>
    </message>
    <message>
        <source>%1 products to order, about %2 at cost.</source>
        <translation>%1 products to order, about %2 at cost.</translation>
    </message>
    <message>
        <source>Stock on hand: %1 at cost. Expected fill rate %2 % with about %3 days of cover.</source>
        <translation>Stock on hand: %1 at cost. Expected fill rate %2 % with about %3 days of cover.</translation>
    </message>
    <message>
        <source>Select a product to see its demand.</source>
        <translation>Select a product to see its demand.</translation>
    </message>
    <message>
        <source>daily demand</source>
        <translation>daily demand</translation>
    </message>
    <message>
        <source>forecast per day</source>
        <translation>forecast per day</translation>
    </message>
    <message>
        <source>units per day</source>
        <translation>units per day</translation>
    </message>
    <message>
        <source>on hand (end of day)</source>
        <translation>on hand (end of day)</translation>
    </message>
    <message>
        <source>projected stock position</source>
        <translation>projected stock position</translation>
    </message>
    <message>
        <source>%1 % band: demand over lead + review ± %2 σ</source>
        <translation>%1 % band: demand over lead + review ± %2 σ</translation>
    </message>
    <message>
        <source>reorder point</source>
        <translation>reorder point</translation>
    </message>
    <message>
        <source>order-up-to level</source>
        <translation>order-up-to level</translation>
    </message>
    <message>
        <source>units in stock</source>
        <translation>units in stock</translation>
    </message>
    <message>
        <source>Nothing sells yet: no trade-off to show.</source>
        <translation>Nothing sells yet: no trade-off to show.</translation>
    </message>
    <message>
        <source>same service level for every product</source>
        <translation>same service level for every product</translation>
    </message>
    <message>
        <source>your settings</source>
        <translation>your settings</translation>
    </message>
    <message>
        <source>days of cover (average stock at cost ÷ daily demand at cost)</source>
        <translation>days of cover (average stock at cost ÷ daily demand at cost)</translation>
    </message>
    <message>
        <source>expected fill rate (%)</source>
        <translation>expected fill rate (%)</translation>
    </message>
    <message>
        <source>average stock value at cost</source>
        <translation>average stock value at cost</translation>
    </message>
    <message>
        <source>Nothing to order.</source>
        <translation>Nothing to order.</translation>
    </message>
    <message>
        <source>Reorder suggestions of %1</source>
        <translation>Reorder suggestions of %1</translation>
    </message>
    <message>
        <source>PO %1 – %2</source>
        <translation>PO %1 – %2</translation>
    </message>
    <message>
        <source>%1 purchase order(s) created as drafts.</source>
        <translation>%1 purchase order(s) created as drafts.</translation>
    </message>
    <message>
        <source>Save purchase order</source>
        <translation>Save purchase order</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>Average ticket</translation>
    </message>
    <message>
        <source>Items per basket</source>
        <translation>Items per basket</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Net sales (VAT incl., after refunds)</source>
        <translation>Net sales (VAT incl., after refunds)</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>Gross margin</translation>
    </message>
    <message>
        <source>Gross margin %</source>
        <translation>Gross margin %</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Active members</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>Repeat rate</translation>
    </message>
    <message>
        <source>Inventory value at cost</source>
        <translation>Inventory value at cost</translation>
    </message>
    <message>
        <source>Inventory turnover</source>
        <translation>Inventory turnover</translation>
    </message>
    <message>
        <source>Goods received</source>
        <translation>Goods received</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Returned by customers</source>
        <translation>Returned by customers</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Adjustments</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>Written off</translation>
    </message>
    <message>
        <source>Stocktake corrections</source>
        <translation>Stocktake corrections</translation>
    </message>
    <message>
        <source>Price overrides</source>
        <translation>Price overrides</translation>
    </message>
    <message>
        <source>Discounts above the threshold</source>
        <translation>Discounts above the threshold</translation>
    </message>
    <message>
        <source>Supervisor approvals</source>
        <translation>Supervisor approvals</translation>
    </message>
    <message>
        <source>Refunds approved</source>
        <translation>Refunds approved</translation>
    </message>
    <message>
        <source>Stock write-offs</source>
        <translation>Stock write-offs</translation>
    </message>
    <message>
        <source>Stock adjustments</source>
        <translation>Stock adjustments</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Failed logins</translation>
    </message>
    <message>
        <source>Refill due</source>
        <translation>Refill due</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Low adherence</source>
        <translation>Low adherence</translation>
    </message>
    <message>
        <source>Medication sync</source>
        <translation>Medication sync</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Refilled</source>
        <translation>Refilled</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Daily report: %1</source>
        <translation>Daily report: %1</translation>
    </message>
    <message>
        <source>Monthly report: %1</source>
        <translation>Monthly report: %1</translation>
    </message>
    <message>
        <source>(so far)</source>
        <translation>(so far)</translation>
    </message>
    <message>
        <source>the same weekday a week before</source>
        <translation>the same weekday a week before</translation>
    </message>
    <message>
        <source>the same days of the month before</source>
        <translation>the same days of the month before</translation>
    </message>
    <message>
        <source>Compared with %1 (%2).</source>
        <translation>Compared with %1 (%2).</translation>
    </message>
    <message>
        <source>Printed %1 by %2.</source>
        <translation>Printed %1 by %2.</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>hour</translation>
    </message>
    <message>
        <source>Sales per hour</source>
        <translation>Sales per hour</translation>
    </message>
    <message>
        <source>daily sales</source>
        <translation>daily sales</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7-day average</translation>
    </message>
    <message>
        <source>Sales per day</source>
        <translation>Sales per day</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>This period</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Day closes and cash</source>
        <translation>Day closes and cash</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>Closed at</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <source>Top products</source>
        <translation>Top products</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation>Prescriptions</translation>
    </message>
    <message>
        <source>Category mix</source>
        <translation>Category mix</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>Share %</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movement</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Value at cost</source>
        <translation>Value at cost</translation>
    </message>
    <message>
        <source>On hand at the end: %1 batches worth %2 expire within 30 days; %3 expired batches worth %4 wait for a write-off.</source>
        <translation>On hand at the end: %1 batches worth %2 expire within 30 days; %3 expired batches worth %4 wait for a write-off.</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>Care</translation>
    </message>
    <message>
        <source>Care work</source>
        <translation>Care work</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Reminder issued: %1</source>
        <translation>Reminder issued: %1</translation>
    </message>
    <message>
        <source>Outcome recorded: %1</source>
        <translation>Outcome recorded: %1</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Service figure</source>
        <translation>Service figure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Complaints taken</source>
        <translation>Complaints taken</translation>
    </message>
    <message>
        <source>Complaints per 1,000 sales</source>
        <translation>Complaints per 1,000 sales</translation>
    </message>
    <message>
        <source>Median days to close a complaint</source>
        <translation>Median days to close a complaint</translation>
    </message>
    <message>
        <source>Complaints closed on time</source>
        <translation>Complaints closed on time</translation>
    </message>
    <message>
        <source>Complaints overdue at the end</source>
        <translation>Complaints overdue at the end</translation>
    </message>
    <message>
        <source>Follow-up calls made</source>
        <translation>Follow-up calls made</translation>
    </message>
    <message>
        <source>Calls that reached the member</source>
        <translation>Calls that reached the member</translation>
    </message>
    <message>
        <source>Reached members who bought again</source>
        <translation>Reached members who bought again</translation>
    </message>
    <message>
        <source>Adverse reaction reports (serious)</source>
        <translation>Adverse reaction reports (serious)</translation>
    </message>
    <message>
        <source>Exceptions to check</source>
        <translation>Exceptions to check</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>%1 of imported sales carry no cost and are left out of the margin.</source>
        <translation>%1 of imported sales carry no cost and are left out of the margin.</translation>
    </message>
    <message>
        <source>Sales record</source>
        <translation>Sales record</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>Approval number</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>None.</translation>
    </message>
</context>
<context>
    <name>ReportsPane</name>
    <message>
        <source>Daily report</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>No report to save yet.</source>
        <translation>No report to save yet.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return against a receipt</source>
        <translation>Return against a receipt</translation>
    </message>
    <message>
        <source>Receipt number, e.g. S00000042</source>
        <translation>Receipt number, e.g. S00000042</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>Return now</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>The original payment</source>
        <translation>The original payment</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Refund to</source>
        <translation>Refund to</translation>
    </message>
    <message>
        <source>Paid back</source>
        <translation>Paid back</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>A pharmacist or the owner approves the refund</source>
        <translation>A pharmacist or the owner approves the refund</translation>
    </message>
    <message>
        <source>The owner approves paying a non-cash payment back in cash</source>
        <translation>The owner approves paying a non-cash payment back in cash</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Choose what is being returned.</source>
        <translation>Choose what is being returned.</translation>
    </message>
    <message>
        <source>(ref. {0})</source>
        <translation>(ref. {0})</translation>
    </message>
    <message>
        <source>Find the receipt first.</source>
        <translation>Find the receipt first.</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>Scan a barcode or type a product name…</source>
        <translation>Scan a barcode or type a product name…</translation>
    </message>
</context>
<context>
    <name>SegmentsPane</name>
    <message>
        <source>Member segments</source>
        <translation>Member segments</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>Average ticket</translation>
    </message>
    <message>
        <source>Export call list…</source>
        <translation>Export call list…</translation>
    </message>
    <message>
        <source>Start campaign…</source>
        <translation>Start campaign…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Member segments as of %1</source>
        <translation>Member segments as of %1</translation>
    </message>
    <message>
        <source>Share of sales</source>
        <translation>Share of sales</translation>
    </message>
    <message>
        <source>Days since last visit (median)</source>
        <translation>Days since last visit (median)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>days since last purchase</source>
        <translation>days since last purchase</translation>
    </message>
    <message>
        <source>spent (currency units)</source>
        <translation>spent (currency units)</translation>
    </message>
    <message>
        <source>Select a segment to see its profile.</source>
        <translation>Select a segment to see its profile.</translation>
    </message>
    <message>
        <source>all buyers</source>
        <translation>all buyers</translation>
    </message>
    <message>
        <source>chronic</source>
        <translation>chronic</translation>
    </message>
    <message>
        <source>acute</source>
        <translation>acute</translation>
    </message>
    <message>
        <source>OTC</source>
        <translation>OTC</translation>
    </message>
    <message>
        <source>supplement</source>
        <translation>supplement</translation>
    </message>
    <message>
        <source>mother &amp; baby</source>
        <translation>mother &amp; baby</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>share of spend</source>
        <translation>share of spend</translation>
    </message>
    <message>
        <source>%1: median recency %2 days, %3 purchases, ticket %4</source>
        <translation>%1: median recency %2 days, %3 purchases, ticket %4</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Export call list</source>
        <translation>Export call list</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>%1 members who agreed to marketing written to %2.</source>
        <translation>%1 members who agreed to marketing written to %2.</translation>
    </message>
    <message>
        <source>Campaign %1 created: %2 members to contact, %3 held out.</source>
        <translation>Campaign %1 created: %2 members to contact, %3 held out.</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>New complaint…</translation>
    </message>
    <message>
        <source>ADR report…</source>
        <translation>ADR report…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Print ADR form…</source>
        <translation>Print ADR form…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Show calls due later too</source>
        <translation>Show calls due later too</translation>
    </message>
    <message>
        <source>Schedule calls after first purchases</source>
        <translation>Schedule calls after first purchases</translation>
    </message>
    <message>
        <source>Call…</source>
        <translation>Call…</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Tries</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Follow-up calls</source>
        <translation>Follow-up calls</translation>
    </message>
    <message>
        <source>Service: complaints, calls and adverse reactions</source>
        <translation>Service: complaints, calls and adverse reactions</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>walk-in</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(erased)</translation>
    </message>
    <message>
        <source>(no account)</source>
        <translation>(no account)</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>Recorded.</translation>
    </message>
    <message>
        <source>In progress.</source>
        <translation>In progress.</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Note added.</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>Closed.</translation>
    </message>
    <message>
        <source>Reopened.</source>
        <translation>Reopened.</translation>
    </message>
    <message>
        <source>Corrected.</source>
        <translation>Corrected.</translation>
    </message>
    <message>
        <source>Save the ADR report as PDF</source>
        <translation>Save the ADR report as PDF</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>Calls scheduled: %1</source>
        <translation>Calls scheduled: %1</translation>
    </message>
    <message>
        <source>Call recorded.</source>
        <translation>Call recorded.</translation>
    </message>
</context>
<context>
    <name>ServiceStrip</name>
    <message>
        <source>Complaints: %1 (%2 per 1,000 sales)</source>
        <translation>Complaints: %1 (%2 per 1,000 sales)</translation>
    </message>
    <message>
        <source>Overdue complaints: %1</source>
        <translation>Overdue complaints: %1</translation>
    </message>
    <message>
        <source>Days to close (median): %1 · on time %2</source>
        <translation>Days to close (median): %1 · on time %2</translation>
    </message>
    <message>
        <source>Follow-up calls: %1 reached · %2 bought again</source>
        <translation>Follow-up calls: %1 reached · %2 bought again</translation>
    </message>
    <message>
        <source>ADR reports: %1 (serious %2)</source>
        <translation>ADR reports: %1 (serious %2)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>China GSP: a medicine needs its approval number (批准文号) and a device its registration number, and the quality records and counter controls of a Chinese retail pharmacy apply.</source>
        <translation>China GSP: a medicine needs its approval number (批准文号) and a device its registration number, and the quality records and counter controls of a Chinese retail pharmacy apply.</translation>
    </message>
    <message>
        <source>Regulatory profile</source>
        <translation>Regulatory profile</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock the till after idle</source>
        <translation>Lock the till after idle</translation>
    </message>
    <message>
        <source>Address, phone, licence number…</source>
        <translation>Address, phone, licence number…</translation>
    </message>
    <message>
        <source>Receipt header</source>
        <translation>Receipt header</translation>
    </message>
    <message>
        <source>Ask each time</source>
        <translation>Ask each time</translation>
    </message>
    <message>
        <source>{0} (not found)</source>
        <translation>{0} (not found)</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>e.g. /dev/usb/lp0, COM3 or 192.168.1.50:9100</source>
        <translation>e.g. /dev/usb/lp0, COM3 or 192.168.1.50:9100</translation>
    </message>
    <message>
        <source>ESC/POS raw device</source>
        <translation>ESC/POS raw device</translation>
    </message>
    <message>
        <source>When an ESC/POS device is set, receipts go to it as plain text instead of the printer above.</source>
        <translation>When an ESC/POS device is set, receipts go to it as plain text instead of the printer above.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Wait for the backup or export to finish, or cancel it.</source>
        <translation>Wait for the backup or export to finish, or cancel it.</translation>
    </message>
    <message>
        <source>Reorder: target service level</source>
        <translation>Reorder: target service level</translation>
    </message>
    <message>
        <source>Head-office export</source>
        <translation>Head-office export</translation>
    </message>
    <message>
        <source>A synced or shared folder, or a USB stick</source>
        <translation>A synced or shared folder, or a USB stick</translation>
    </message>
    <message>
        <source>Export now</source>
        <translation>Export now</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <source>Only when I press Export now</source>
        <translation>Only when I press Export now</translation>
    </message>
    <message>
        <source>After each day close</source>
        <translation>After each day close</translation>
    </message>
    <message>
        <source>Once a day while the program is open</source>
        <translation>Once a day while the program is open</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Head-office export folder</source>
        <translation>Head-office export folder</translation>
    </message>
    <message>
        <source>Choose a folder for the head-office export first.</source>
        <translation>Choose a folder for the head-office export first.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>The export was cancelled.</translation>
    </message>
    <message>
        <source>Head-office bundle {0} saved: {1} ({2:.1f} s)</source>
        <translation>Head-office bundle {0} saved: {1} ({2:.1f} s)</translation>
    </message>
    <message>
        <source>Choose a folder for the backup first.</source>
        <translation>Choose a folder for the backup first.</translation>
    </message>
    <message>
        <source>Chronic medicines (Rx)</source>
        <translation>Chronic medicines (Rx)</translation>
    </message>
    <message>
        <source>Acute medicines</source>
        <translation>Acute medicines</translation>
    </message>
    <message>
        <source>OTC medicines</source>
        <translation>OTC medicines</translation>
    </message>
    <message>
        <source>Supplements</source>
        <translation>Supplements</translation>
    </message>
    <message>
        <source>Mother &amp; baby</source>
        <translation>Mother &amp; baby</translation>
    </message>
    <message>
        <source>Personal care</source>
        <translation>Personal care</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was kept.</source>
        <translation>The backup was cancelled; nothing was kept.</translation>
    </message>
    <message>
        <source>Backup saved: {0} ({1:.1f} s)</source>
        <translation>Backup saved: {0} ({1:.1f} s)</translation>
    </message>
</context>
<context>
    <name>ShortcutHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>What it does</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
</context>
<context>
    <name>SplitLineDialog</name>
    <message>
        <source>Sell by the unit</source>
        <translation>Sell by the unit</translation>
    </message>
    <message>
        <source>{0}: {1} {2} to a pack, {3} each. Opened packs hold {4} {2}.</source>
        <translation>{0}: {1} {2} to a pack, {3} each. Opened packs hold {4} {2}.</translation>
    </message>
    <message>
        <source>e.g. 2 tablets 3 times a day after meals</source>
        <translation>e.g. 2 tablets 3 times a day after meals</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Directions</translation>
    </message>
    <message>
        <source>units</source>
        <translation>units</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Reset password or PIN…</source>
        <translation>Reset password or PIN…</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>Set role</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Choose a person first.</source>
        <translation>Choose a person first.</translation>
    </message>
</context>
<context>
    <name>StaffMemberDialog</name>
    <message>
        <source>New staff account</source>
        <translation>New staff account</translation>
    </message>
    <message>
        <source>Reset password or PIN</source>
        <translation>Reset password or PIN</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>PIN (4–8 digits)</source>
        <translation>PIN (4–8 digits)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>How to start</source>
        <translation>How to start</translation>
    </message>
    <message>
        <source>Create the store</source>
        <translation>Create the store</translation>
    </message>
    <message>
        <source>An empty store: I will add products myself</source>
        <translation>An empty store: I will add products myself</translation>
    </message>
    <message>
        <source>Import products and members from CSV files</source>
        <translation>Import products and members from CSV files</translation>
    </message>
    <message>
        <source>The demo store: two years of made-up sales to try PharmaDesk out</source>
        <translation>The demo store: two years of made-up sales to try PharmaDesk out</translation>
    </message>
    <message>
        <source>Products file</source>
        <translation>Products file</translation>
    </message>
    <message>
        <source>Members file</source>
        <translation>Members file</translation>
    </message>
    <message>
        <source>The demo store also has the accounts owner, pharmacist and cashier; its members and sales are invented. In Chinese it is a Chinese pharmacy under the China GSP rules: approval numbers, OTC classes, cold-chain and split-pack items.</source>
        <translation>The demo store also has the accounts owner, pharmacist and cashier; its members and sales are invented. In Chinese it is a Chinese pharmacy under the China GSP rules: approval numbers, OTC classes, cold-chain and split-pack items.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Choose a CSV file</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>StockChangeDialog</name>
    <message>
        <source>Write off stock</source>
        <translation>Write off stock</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>Adjust stock</translation>
    </message>
    <message>
        <source>e.g. expired, damaged, recalled, found on shelf</source>
        <translation>e.g. expired, damaged, recalled, found on shelf</translation>
    </message>
    <message>
        <source>on hand</source>
        <translation>on hand</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Units to write off</source>
        <translation>Units to write off</translation>
    </message>
    <message>
        <source>Change (+/−)</source>
        <translation>Change (+/−)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Goods receipt</source>
        <translation>Goods receipt</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Adjustments</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Suppliers</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>Purchase orders</translation>
    </message>
</context>
<context>
    <name>StocktakeTab</name>
    <message>
        <source>Start a stocktake</source>
        <translation>Start a stocktake</translation>
    </message>
    <message>
        <source>Open stocktake</source>
        <translation>Open stocktake</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>In the books</source>
        <translation>In the books</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Filter: product name or barcode</source>
        <translation>Filter: product name or barcode</translation>
    </message>
    <message>
        <source>Record count</source>
        <translation>Record count</translation>
    </message>
    <message>
        <source>Counted on the shelf</source>
        <translation>Counted on the shelf</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>stocktake</source>
        <translation>stocktake</translation>
    </message>
    <message>
        <source>Post the variance</source>
        <translation>Post the variance</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Variance against the books</source>
        <translation>Variance against the books</translation>
    </message>
    <message>
        <source>#{0} started {1} ({2} counted)</source>
        <translation>#{0} started {1} ({2} counted)</translation>
    </message>
    <message>
        <source>Stocktake #{0} started: count each batch.</source>
        <translation>Stocktake #{0} started: count each batch.</translation>
    </message>
    <message>
        <source>Choose a batch on the count sheet first.</source>
        <translation>Choose a batch on the count sheet first.</translation>
    </message>
    <message>
        <source>Start a stocktake first.</source>
        <translation>Start a stocktake first.</translation>
    </message>
    <message>
        <source>Stocktake posted: {0} batch(es) corrected.</source>
        <translation>Stocktake posted: {0} batch(es) corrected.</translation>
    </message>
</context>
<context>
    <name>StorageTab</name>
    <message>
        <source>(overdue)</source>
        <translation>(overdue)</translation>
    </message>
    <message>
        <source>Required when the reading is out of range</source>
        <translation>Required when the reading is out of range</translation>
    </message>
    <message>
        <source>&amp;Corrective action</source>
        <translation>&amp;Corrective action</translation>
    </message>
    <message>
        <source>Sa&amp;ve reading</source>
        <translation>Sa&amp;ve reading</translation>
    </message>
    <message>
        <source>Set up the GSP&apos;s three areas</source>
        <translation>Set up the GSP&apos;s three areas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Corrective action</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Area</translation>
    </message>
    <message>
        <source>Ta&amp;ken at</source>
        <translation>Ta&amp;ken at</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Temperature</translation>
    </message>
    <message>
        <source>Hu&amp;midity</source>
        <translation>Hu&amp;midity</translation>
    </message>
    <message>
        <source>No storage areas yet: the owner sets them up (常温区, 阴凉区, 冷藏柜).</source>
        <translation>No storage areas yet: the owner sets them up (常温区, 阴凉区, 冷藏柜).</translation>
    </message>
    <message>
        <source>Readings due: {0}</source>
        <translation>Readings due: {0}</translation>
    </message>
    <message>
        <source>Every reading due today is taken.</source>
        <translation>Every reading due today is taken.</translation>
    </message>
    <message>
        <source>allowed {0}–{1} °C, {2}–{3} %</source>
        <translation>allowed {0}–{1} °C, {2}–{3} %</translation>
    </message>
    <message>
        <source>Slot: {0}</source>
        <translation>Slot: {0}</translation>
    </message>
    <message>
        <source>&amp;Corrective action (required)</source>
        <translation>&amp;Corrective action (required)</translation>
    </message>
    <message>
        <source>{0} storage area(s) added.</source>
        <translation>{0} storage area(s) added.</translation>
    </message>
    <message>
        <source>Choose an area first.</source>
        <translation>Choose an area first.</translation>
    </message>
    <message>
        <source>Reading saved: {0}, {1}.</source>
        <translation>Reading saved: {0}, {1}.</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Your pharmacy</source>
        <translation>Your pharmacy</translation>
    </message>
    <message>
        <source>The name and address appear on receipts and reports.</source>
        <translation>The name and address appear on receipts and reports.</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>Edit supplier</source>
        <translation>Edit supplier</translation>
    </message>
    <message>
        <source>New supplier</source>
        <translation>New supplier</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>Lead time (days)</translation>
    </message>
    <message>
        <source>Review period (days)</source>
        <translation>Review period (days)</translation>
    </message>
    <message>
        <source>Minimum order value</source>
        <translation>Minimum order value</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>SuppliersTab</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>Lead time</translation>
    </message>
    <message>
        <source>Review days</source>
        <translation>Review days</translation>
    </message>
    <message>
        <source>Minimum order</source>
        <translation>Minimum order</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>New supplier…</source>
        <translation>New supplier…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Supplier added.</source>
        <translation>Supplier added.</translation>
    </message>
    <message>
        <source>Supplier saved.</source>
        <translation>Supplier saved.</translation>
    </message>
</context>
<context>
    <name>SuspendedDialog</name>
    <message>
        <source>Resume a suspended sale</source>
        <translation>Resume a suspended sale</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>Parked</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>#{0}  {1}  by {2}</source>
        <translation>#{0}  {1}  by {2}</translation>
    </message>
    <message>
        <source>#{0}  {1}</source>
        <translation>#{0}  {1}</translation>
    </message>
    <message>
        <source>{0} item(s)</source>
        <translation>{0} item(s)</translation>
    </message>
    <message>
        <source>(erased member)</source>
        <translation>(erased member)</translation>
    </message>
    <message>
        <source>{0} · phone …{1}</source>
        <translation>{0} · phone …{1}</translation>
    </message>
    <message>
        <source>There is no suspended sale.</source>
        <translation>There is no suspended sale.</translation>
    </message>
</context>
<context>
    <name>TakeRecordDialog</name>
    <message>
        <source>Complaint or feedback</source>
        <translation>Complaint or feedback</translation>
    </message>
    <message>
        <source>What the customer said, in their words</source>
        <translation>What the customer said, in their words</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>walk-in customer</source>
        <translation>walk-in customer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
</context>
<context>
    <name>TextStepDialog</name>
    <message>
        <source>Add a note</source>
        <translation>Add a note</translation>
    </message>
    <message>
        <source>Reopen the record</source>
        <translation>Reopen the record</translation>
    </message>
    <message>
        <source>Correct the account</source>
        <translation>Correct the account</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
</context>
<context>
    <name>TillPage</name>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>By unit</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>+ / − quantity · Del remove line · ↑↓ choose line</source>
        <translation>+ / − quantity · Del remove line · ↑↓ choose line</translation>
    </message>
    <message>
        <source>Total {0}</source>
        <translation>Total {0}</translation>
    </message>
    <message>
        <source>{0} item(s)</source>
        <translation>{0} item(s)</translation>
    </message>
    <message>
        <source>You saved {0}</source>
        <translation>You saved {0}</translation>
    </message>
    <message>
        <source>Coupon {0}: {1}</source>
        <translation>Coupon {0}: {1}</translation>
    </message>
    <message>
        <source>Coupon {0} applied</source>
        <translation>Coupon {0} applied</translation>
    </message>
    <message>
        <source>{0} was not added: it needs a prescription.</source>
        <translation>{0} was not added: it needs a prescription.</translation>
    </message>
    <message>
        <source>Expired stock</source>
        <translation>Expired stock</translation>
    </message>
    <message>
        <source>Write off the expired batches of {0} now?</source>
        <translation>Write off the expired batches of {0} now?</translation>
    </message>
    <message>
        <source>{0} expired unit(s) of {1} written off.</source>
        <translation>{0} expired unit(s) of {1} written off.</translation>
    </message>
    <message>
        <source>A sale is open: {0} item(s), {1}. Closing loses it.</source>
        <translation>A sale is open: {0} item(s), {1}. Closing loses it.</translation>
    </message>
    <message>
        <source>{0} suspended sale(s) wait to be resumed; they are kept.</source>
        <translation>{0} suspended sale(s) wait to be resumed; they are kept.</translation>
    </message>
    <message>
        <source>Recorded; a pharmacist follows it up on the Service page.</source>
        <translation>Recorded; a pharmacist follows it up on the Service page.</translation>
    </message>
    <message>
        <source>{0} unit(s) of medicine went to quarantine, not back on sale.</source>
        <translation>{0} unit(s) of medicine went to quarantine, not back on sale.</translation>
    </message>
    <message>
        <source>{0} was not added: it needs the buyer&apos;s ID number and name.</source>
        <translation>{0} was not added: it needs the buyer&apos;s ID number and name.</translation>
    </message>
    <message>
        <source>{0}: pack code {1} scanned ({2}/{3}).</source>
        <translation>{0}: pack code {1} scanned ({2}/{3}).</translation>
    </message>
    <message>
        <source>the same medicine</source>
        <translation>the same medicine</translation>
    </message>
    <message>
        <source>Allergy warning: {0} matches the member&apos;s recorded allergy ({1}). A pharmacist must confirm.</source>
        <translation>Allergy warning: {0} matches the member&apos;s recorded allergy ({1}). A pharmacist must confirm.</translation>
    </message>
    <message>
        <source>Duplicate therapy: {0} has the same active ingredient ({1}) as {2} bought recently, which lasts until {3}.</source>
        <translation>Duplicate therapy: {0} has the same active ingredient ({1}) as {2} bought recently, which lasts until {3}.</translation>
    </message>
    <message>
        <source>Duplicate therapy: {0} and {1} have the same active ingredient ({2}).</source>
        <translation>Duplicate therapy: {0} and {1} have the same active ingredient ({2}).</translation>
    </message>
    <message>
        <source>Duplicate therapy: {0} has the same active ingredient as a recent purchase still in use. Ask the pharmacist.</source>
        <translation>Duplicate therapy: {0} has the same active ingredient as a recent purchase still in use. Ask the pharmacist.</translation>
    </message>
    <message>
        <source>Allergy warning</source>
        <translation>Allergy warning</translation>
    </message>
    <message>
        <source>Scan an item first.</source>
        <translation>Scan an item first.</translation>
    </message>
    <message>
        <source>{0}: {1} {2} by the unit.</source>
        <translation>{0}: {1} {2} by the unit.</translation>
    </message>
    <message>
        <source>A pharmacist checks the pack of {0} opened for sale by the unit:</source>
        <translation>A pharmacist checks the pack of {0} opened for sale by the unit:</translation>
    </message>
    <message>
        <source>No pack was opened: a pharmacist must check it.</source>
        <translation>No pack was opened: a pharmacist must check it.</translation>
    </message>
    <message>
        <source>Coupons taken off the sale.</source>
        <translation>Coupons taken off the sale.</translation>
    </message>
    <message>
        <source>Coupon {0} added: {1}</source>
        <translation>Coupon {0} added: {1}</translation>
    </message>
    <message>
        <source>Coupon {0} added.</source>
        <translation>Coupon {0} added.</translation>
    </message>
    <message>
        <source>Not confirmed by a pharmacist: nothing was charged.</source>
        <translation>Not confirmed by a pharmacist: nothing was charged.</translation>
    </message>
    <message>
        <source> Change {0}.</source>
        <translation> Change {0}.</translation>
    </message>
    <message>
        <source>Sale {0} complete: {1}.{2}</source>
        <translation>Sale {0} complete: {1}.{2}</translation>
    </message>
    <message>
        <source>Not approved: nothing was charged. Change the discount or ask again.</source>
        <translation>Not approved: nothing was charged. Change the discount or ask again.</translation>
    </message>
    <message>
        <source>Sale suspended as #{0}. F5 brings it back.</source>
        <translation>Sale suspended as #{0}. F5 brings it back.</translation>
    </message>
    <message>
        <source>Finish or suspend the current sale first.</source>
        <translation>Finish or suspend the current sale first.</translation>
    </message>
    <message>
        <source>There is no suspended sale.</source>
        <translation>There is no suspended sale.</translation>
    </message>
    <message>
        <source>{0}: not confirmed</source>
        <translation>{0}: not confirmed</translation>
    </message>
    <message>
        <source>Resumed, but left out: {0}</source>
        <translation>Resumed, but left out: {0}</translation>
    </message>
    <message>
        <source>Sale resumed.</source>
        <translation>Sale resumed.</translation>
    </message>
    <message>
        <source>Return {0}: refund {1}.</source>
        <translation>Return {0}: refund {1}.</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Care reminder</source>
        <translation>Care reminder</translation>
    </message>
    <message>
        <source>Reminder outcome</source>
        <translation>Reminder outcome</translation>
    </message>
    <message>
        <source>Service record</source>
        <translation>Service record</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>card %1</translation>
    </message>
    <message>
        <source>care reminders</source>
        <translation>care reminders</translation>
    </message>
    <message>
        <source>marketing</source>
        <translation>marketing</translation>
    </message>
    <message>
        <source>agreed to %1</source>
        <translation>agreed to %1</translation>
    </message>
    <message>
        <source>withdrew %1</source>
        <translation>withdrew %1</translation>
    </message>
    <message>
        <source>receipt %1, %2</source>
        <translation>receipt %1, %2</translation>
    </message>
    <message>
        <source>return %1, refund %2</source>
        <translation>return %1, refund %2</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>ValuePane</name>
    <message>
        <source>Valuable members at risk of lapsing</source>
        <translation>Valuable members at risk of lapsing</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Chance still a customer</source>
        <translation>Chance still a customer</translation>
    </message>
    <message>
        <source>12-month value</source>
        <translation>12-month value</translation>
    </message>
    <message>
        <source>Expected 90-day value</source>
        <translation>Expected 90-day value</translation>
    </message>
    <message>
        <source>Purchase days</source>
        <translation>Purchase days</translation>
    </message>
    <message>
        <source>Weeks since first to last purchase</source>
        <translation>Weeks since first to last purchase</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Valuable members at risk of lapsing, as of %1</source>
        <translation>Valuable members at risk of lapsing, as of %1</translation>
    </message>
    <message>
        <source>%1 members with a purchase; the top 20 % by 12-month value (from %2) are %3 members, those least likely to still be active are listed first.</source>
        <translation>%1 members with a purchase; the top 20 % by 12-month value (from %2) are %3 members, those least likely to still be active are listed first.</translation>
    </message>
    <message>
        <source>expected value of the next 90 days (currency units)</source>
        <translation>expected value of the next 90 days (currency units)</translation>
    </message>
    <message>
        <source>members</source>
        <translation>members</translation>
    </message>
    <message>
        <source>Expected 90-day value per member</source>
        <translation>Expected 90-day value per member</translation>
    </message>
</context>
<context>
    <name>WorkPage</name>
    <message>
        <source>Creating the store</source>
        <translation>Creating the store</translation>
    </message>
    <message>
        <source>Encrypting and preparing the store…</source>
        <translation>Encrypting and preparing the store…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>The store could not be created.</source>
        <translation>The store could not be created.</translation>
    </message>
    <message>
        <source>Your store is ready. Press Finish to start.</source>
        <translation>Your store is ready. Press Finish to start.</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>{0}: {1} rows imported.</source>
        <translation>{0}: {1} rows imported.</translation>
    </message>
    <message>
        <source>{0}: nothing imported, {1} problem(s) in the file; import it again later under Stock → Catalogue.</source>
        <translation>{0}: nothing imported, {1} problem(s) in the file; import it again later under Stock → Catalogue.</translation>
    </message>
    <message>
        <source>The import was cancelled; the store was created without it.</source>
        <translation>The import was cancelled; the store was created without it.</translation>
    </message>
</context>
<context>
    <name>ZReportWriter</name>
    <message>
        <source>Z report #{0}</source>
        <translation>Z report #{0}</translation>
    </message>
    <message>
        <source>X report (the day is still open)</source>
        <translation>X report (the day is still open)</translation>
    </message>
    <message>
        <source>Sales from {0} to {1}</source>
        <translation>Sales from {0} to {1}</translation>
    </message>
    <message>
        <source>Made {0} by {1}</source>
        <translation>Made {0} by {1}</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>sell</source>
        <translation>sell</translation>
    </message>
    <message>
        <source>dispense prescription items</source>
        <translation>dispense prescription items</translation>
    </message>
    <message>
        <source>give discounts</source>
        <translation>give discounts</translation>
    </message>
    <message>
        <source>give discounts above the limit</source>
        <translation>give discounts above the limit</translation>
    </message>
    <message>
        <source>change a price at the till</source>
        <translation>change a price at the till</translation>
    </message>
    <message>
        <source>approve refunds</source>
        <translation>approve refunds</translation>
    </message>
    <message>
        <source>refund a non-cash payment in cash</source>
        <translation>refund a non-cash payment in cash</translation>
    </message>
    <message>
        <source>close the day</source>
        <translation>close the day</translation>
    </message>
    <message>
        <source>register members</source>
        <translation>register members</translation>
    </message>
    <message>
        <source>edit members</source>
        <translation>edit members</translation>
    </message>
    <message>
        <source>see full member records</source>
        <translation>see full member records</translation>
    </message>
    <message>
        <source>handle privacy requests</source>
        <translation>handle privacy requests</translation>
    </message>
    <message>
        <source>edit the catalogue</source>
        <translation>edit the catalogue</translation>
    </message>
    <message>
        <source>change prices</source>
        <translation>change prices</translation>
    </message>
    <message>
        <source>receive goods</source>
        <translation>receive goods</translation>
    </message>
    <message>
        <source>adjust or write off stock</source>
        <translation>adjust or write off stock</translation>
    </message>
    <message>
        <source>count stock</source>
        <translation>count stock</translation>
    </message>
    <message>
        <source>manage purchase orders</source>
        <translation>manage purchase orders</translation>
    </message>
    <message>
        <source>see reports</source>
        <translation>see reports</translation>
    </message>
    <message>
        <source>run analytics</source>
        <translation>run analytics</translation>
    </message>
    <message>
        <source>manage promotions and coupons</source>
        <translation>manage promotions and coupons</translation>
    </message>
    <message>
        <source>handle care reminders</source>
        <translation>handle care reminders</translation>
    </message>
    <message>
        <source>take complaints and enquiries</source>
        <translation>take complaints and enquiries</translation>
    </message>
    <message>
        <source>handle service records and ADR reports</source>
        <translation>handle service records and ADR reports</translation>
    </message>
    <message>
        <source>reopen or correct service records</source>
        <translation>reopen or correct service records</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>manage users</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>change settings</translation>
    </message>
    <message>
        <source>import data</source>
        <translation>import data</translation>
    </message>
    <message>
        <source>make or restore backups</source>
        <translation>make or restore backups</translation>
    </message>
    <message>
        <source>export to head office</source>
        <translation>export to head office</translation>
    </message>
    <message>
        <source>see the audit log</source>
        <translation>see the audit log</translation>
    </message>
    <message>
        <source>review the ephedrine buyers&apos; register</source>
        <translation>review the ephedrine buyers&apos; register</translation>
    </message>
    <message>
        <source>approve suppliers and products</source>
        <translation>approve suppliers and products</translation>
    </message>
    <message>
        <source>record the acceptance of goods</source>
        <translation>record the acceptance of goods</translation>
    </message>
    <message>
        <source>log storage temperature and humidity</source>
        <translation>log storage temperature and humidity</translation>
    </message>
    <message>
        <source>record maintenance checks</source>
        <translation>record maintenance checks</translation>
    </message>
    <message>
        <source>move stock to quarantine</source>
        <translation>move stock to quarantine</translation>
    </message>
    <message>
        <source>dispose of quarantined stock</source>
        <translation>dispose of quarantined stock</translation>
    </message>
    <message>
        <source>witness the destruction of stock</source>
        <translation>witness the destruction of stock</translation>
    </message>
    <message>
        <source>see the records kept for the inspector</source>
        <translation>see the records kept for the inspector</translation>
    </message>
</context>
<context>
    <name>allergyClass</name>
    <message>
        <source>penicillins</source>
        <translation>penicillins</translation>
    </message>
    <message>
        <source>cephalosporins</source>
        <translation>cephalosporins</translation>
    </message>
    <message>
        <source>sulfonamides</source>
        <translation>sulfonamides</translation>
    </message>
    <message>
        <source>NSAIDs</source>
        <translation>NSAIDs</translation>
    </message>
    <message>
        <source>macrolides</source>
        <translation>macrolides</translation>
    </message>
    <message>
        <source>quinolones</source>
        <translation>quinolones</translation>
    </message>
    <message>
        <source>codeine and opioids</source>
        <translation>codeine and opioids</translation>
    </message>
</context>
<context>
    <name>analytics</name>
    <message>
        <source>Value over {months} months of revenue, a future month counted {discount:.0%} less than the one before.</source>
        <translation>Value over {months} months of revenue, a future month counted {discount:.0%} less than the one before.</translation>
    </message>
    <message>
        <source>Visits model (BG/NBD, weeks): r={r:.4f} alpha={alpha:.4f} a={a:.4f} b={b:.4f}, log-likelihood {ll:.1f}, {n} members.</source>
        <translation>Visits model (BG/NBD, weeks): r={r:.4f} alpha={alpha:.4f} a={a:.4f} b={b:.4f}, log-likelihood {ll:.1f}, {n} members.</translation>
    </message>
    <message>
        <source>Spend model (Gamma-Gamma, cents): p={p:.4f} q={q:.4f} v={v:.2f}, {n} repeat buyers.</source>
        <translation>Spend model (Gamma-Gamma, cents): p={p:.4f} q={q:.4f} v={v:.2f}, {n} repeat buyers.</translation>
    </message>
    <message>
        <source>Extra buyers are the campaign group&apos;s buyers beyond what the held-out group suggests (95 % range: Newcombe interval); return = (extra gross margin - cost) / cost; cost per extra buyer = cost / extra buyers; member value = 12 months of margin.</source>
        <translation>Extra buyers are the campaign group&apos;s buyers beyond what the held-out group suggests (95 % range: Newcombe interval); return = (extra gross margin - cost) / cost; cost per extra buyer = cost / extra buyers; member value = 12 months of margin.</translation>
    </message>
    <message>
        <source>Margin = paid - VAT - cost of the promoted lines, after returns.</source>
        <translation>Margin = paid - VAT - cost of the promoted lines, after returns.</translation>
    </message>
    <message>
        <source>Effect: with a held-out group, the campaign group against it (95 % Newcombe range on conversion); otherwise sales on the promotion&apos;s days against the same weekdays before it (this does not see seasons or sales taken from other products).</source>
        <translation>Effect: with a held-out group, the campaign group against it (95 % Newcombe range on conversion); otherwise sales on the promotion&apos;s days against the same weekdays before it (this does not see seasons or sales taken from other products).</translation>
    </message>
    <message>
        <source>Net effect = extra margin - discount given.</source>
        <translation>Net effect = extra margin - discount given.</translation>
    </message>
    <message>
        <source>Replayed from {origins} starting days {step} days apart before {date}, each {step} days ahead; the simple rule orders up to 28 days of the last 90 days&apos; average sales when stock falls below 14 days; the previous rule orders up to s + f·R when stock is at or below s.</source>
        <translation>Replayed from {origins} starting days {step} days apart before {date}, each {step} days ahead; the simple rule orders up to 28 days of the last 90 days&apos; average sales when stock falls below 14 days; the previous rule orders up to s + f·R when stock is at or below s.</translation>
    </message>
    <message>
        <source>{rules} pairings found in {baskets} baskets (sales with 2 or more products); prescription-only and controlled products are never suggested.</source>
        <translation>{rules} pairings found in {baskets} baskets (sales with 2 or more products); prescription-only and controlled products are never suggested.</translation>
    </message>
    <message>
        <source>Hit rate of the top {k} suggestions: learnt from baskets before {split}, tested on {scored} baskets from {split} to {end} (one item hidden per basket).</source>
        <extracomment>Weight of the item&apos;s base popularity in the till&apos;s score (see :func:`cooccurrence_index` and the module doc).</extracomment>
        <translation>Hit rate of the top {k} suggestions: learnt from baskets before {split}, tested on {scored} baskets from {split} to {end} (one item hidden per basket).</translation>
    </message>
    <message>
        <source>From {first} to {last} (local dates, both days included), compared with {previous_first} to {previous_last}.</source>
        <translation>From {first} to {last} (local dates, both days included), compared with {previous_first} to {previous_last}.</translation>
    </message>
    <message>
        <source>From {first} to {last} (local dates, both days included).</source>
        <translation>From {first} to {last} (local dates, both days included).</translation>
    </message>
    <message>
        <source>{kind}: {count}</source>
        <translation>{kind}: {count}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Reminders on {date}: {kinds}</source>
        <translation>Reminders on {date}: {kinds}</translation>
    </message>
    <message>
        <source>Rules: a refill is due {due} days before the medicine runs out and overdue {grace} days after; adherence (PDC) is measured over {window} days and flagged below {threshold:.0%}; a member has lapsed after {floor} days or {factor:g} times their usual interval, whichever is longer; call when they take 2 or more chronic medicines or are overdue, else send a message.</source>
        <translation>Rules: a refill is due {due} days before the medicine runs out and overdue {grace} days after; adherence (PDC) is measured over {window} days and flagged below {threshold:.0%}; a member has lapsed after {floor} days or {factor:g} times their usual interval, whichever is longer; call when they take 2 or more chronic medicines or are overdue, else send a message.</translation>
    </message>
    <message>
        <source>{k} groups: the number that separates members best (silhouette on a sample of {sample} members; groups: score {tried})</source>
        <translation>{k} groups: the number that separates members best (silhouette on a sample of {sample} members; groups: score {tried})</translation>
    </message>
    <message>
        <source>{k} groups, as asked</source>
        <translation>{k} groups, as asked</translation>
    </message>
    <message>
        <source>How stable the groups are: {stability:.2f} (1 = the same groups every time; mean adjusted Rand index over {runs} bootstrap refits, lowest {low:.2f})</source>
        <translation>How stable the groups are: {stability:.2f} (1 = the same groups every time; mean adjusted Rand index over {runs} bootstrap refits, lowest {low:.2f})</translation>
    </message>
    <message>
        <source>On {date}: {count} products to order, costing {cost:,.2f}; stock on hand at cost {stock:,.2f}; expected fill rate {fill:.1f} % with about {cover:.1f} days of cover.</source>
        <translation>On {date}: {count} products to order, costing {cost:,.2f}; stock on hand at cost {stock:,.2f}; expected fill rate {fill:.1f} % with about {cover:.1f} days of cover.</translation>
    </message>
    <message>
        <source>Settings: in stock in {low:.0%} to {high:.0%} of order cycles by category (Settings → Reorder), {window} days of sales history (a year more for the yearly season), {margin} days&apos; margin before expiry.</source>
        <translation>Settings: in stock in {low:.0%} to {high:.0%} of order cycles by category (Settings → Reorder), {window} days of sales history (a year more for the yearly season), {margin} days&apos; margin before expiry.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Building the demo store…</source>
        <translation>Building the demo store…</translation>
    </message>
    <message>
        <source>PharmaDesk demo</source>
        <translation>PharmaDesk demo</translation>
    </message>
    <message>
        <source>The demo store could not be built:
{0}</source>
        <translation>The demo store could not be built:
{0}</translation>
    </message>
    <message>
        <source>Demo accounts:</source>
        <translation>Demo accounts:</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Last backup: never</source>
        <translation>Last backup: never</translation>
    </message>
    <message>
        <source>Last backup: {0}</source>
        <translation>Last backup: {0}</translation>
    </message>
</context>
<context>
    <name>care</name>
    <message>
        <source>refill due</source>
        <extracomment>The kinds in words (context &quot;care&quot;, the same words the care worklist shows).</extracomment>
        <translation>refill due</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>low adherence</source>
        <translation>low adherence</translation>
    </message>
    <message>
        <source>medication sync</source>
        <translation>medication sync</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>lapsed</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>birthday</translation>
    </message>
    <message>
        <source>{product} runs out on {run_out}</source>
        <translation>{product} runs out on {run_out}</translation>
    </message>
    <message>
        <source>{product} ran out on {run_out}: {days_late} days without a refill</source>
        <translation>{product} ran out on {run_out}: {days_late} days without a refill</translation>
    </message>
    <message>
        <source>{product}: {pdc_pct}% of days covered in the last {window} days (below {threshold_pct}%)</source>
        <translation>{product}: {pdc_pct}% of days covered in the last {window} days (below {threshold_pct}%)</translation>
    </message>
    <message>
        <source>{n_products} chronic medicines run out on different days; one pickup day: {sync_day}</source>
        <translation>{n_products} chronic medicines run out on different days; one pickup day: {sync_day}</translation>
    </message>
    <message>
        <source>no visit for {days_since} days (usually every {usual} days)</source>
        <translation>no visit for {days_since} days (usually every {usual} days)</translation>
    </message>
    <message>
        <source>birthday on {birthday}</source>
        <translation>birthday on {birthday}</translation>
    </message>
    <message>
        <source>Hello {name}, this is {store}. Your {product} will run out on {run_out}. Shall we have your refill ready for you?</source>
        <translation>Hello {name}, this is {store}. Your {product} will run out on {run_out}. Shall we have your refill ready for you?</translation>
    </message>
    <message>
        <source>Hello {name}, this is {store}. Our records show your {product} ran out on {run_out}. Is everything all right? We can have your refill ready today.</source>
        <translation>Hello {name}, this is {store}. Our records show your {product} ran out on {run_out}. Is everything all right? We can have your refill ready today.</translation>
    </message>
    <message>
        <source>Hello {name}, this is {store}. We noticed some gaps between your {product} refills. Would a reminder before each refill help? The pharmacist is happy to talk it through.</source>
        <translation>Hello {name}, this is {store}. We noticed some gaps between your {product} refills. Would a reminder before each refill help? The pharmacist is happy to talk it through.</translation>
    </message>
    <message>
        <source>Hello {name}, this is {store}. We could line up your medicines so you collect them all on one day, starting {sync_day}. Would that be easier for you?</source>
        <translation>Hello {name}, this is {store}. We could line up your medicines so you collect them all on one day, starting {sync_day}. Would that be easier for you?</translation>
    </message>
    <message>
        <source>Hello {name}, this is {store}. We have not seen you for a while. Is there anything we can help you with?</source>
        <translation>Hello {name}, this is {store}. We have not seen you for a while. Is there anything we can help you with?</translation>
    </message>
    <message>
        <source>Happy birthday, {name}! Best wishes from everyone at {store}.</source>
        <translation>Happy birthday, {name}! Best wishes from everyone at {store}.</translation>
    </message>
    <message>
        <source>there</source>
        <translation>there</translation>
    </message>
    <message>
        <source>your pharmacy</source>
        <translation>your pharmacy</translation>
    </message>
    <message>
        <source>called</source>
        <translation>called</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>refilled</source>
        <translation>refilled</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <source>chronic</source>
        <translation>chronic</translation>
    </message>
    <message>
        <source>acute</source>
        <translation>acute</translation>
    </message>
    <message>
        <source>OTC</source>
        <translation>OTC</translation>
    </message>
    <message>
        <source>supplement</source>
        <translation>supplement</translation>
    </message>
    <message>
        <source>mother &amp; baby</source>
        <translation>mother &amp; baby</translation>
    </message>
    <message>
        <source>personal care</source>
        <translation>personal care</translation>
    </message>
    <message>
        <source>device</source>
        <translation>device</translation>
    </message>
    <message>
        <source>Rx only</source>
        <translation>Rx only</translation>
    </message>
    <message>
        <source>controlled</source>
        <translation>controlled</translation>
    </message>
    <message>
        <source>OTC class A (甲类)</source>
        <translation>OTC class A (甲类)</translation>
    </message>
    <message>
        <source>OTC class B (乙类)</source>
        <translation>OTC class B (乙类)</translation>
    </message>
    <message>
        <source>ambient (常温)</source>
        <translation>ambient (常温)</translation>
    </message>
    <message>
        <source>cool, ≤ 20 °C (阴凉)</source>
        <translation>cool, ≤ 20 °C (阴凉)</translation>
    </message>
    <message>
        <source>cold chain, 2–8 °C (冷藏)</source>
        <translation>cold chain, 2–8 °C (冷藏)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>China GSP (零售药店)</source>
        <translation>China GSP (零售药店)</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>partly received</source>
        <translation>partly received</translation>
    </message>
    <message>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>member price</source>
        <translation>member price</translation>
    </message>
    <message>
        <source>percent off</source>
        <translation>percent off</translation>
    </message>
    <message>
        <source>amount off</source>
        <translation>amount off</translation>
    </message>
    <message>
        <source>Nth item off</source>
        <translation>Nth item off</translation>
    </message>
    <message>
        <source>buy X get Y</source>
        <translation>buy X get Y</translation>
    </message>
    <message>
        <source>spend X save Y</source>
        <translation>spend X save Y</translation>
    </message>
    <message>
        <source>coupon</source>
        <translation>coupon</translation>
    </message>
    <message>
        <source>extra points</source>
        <translation>extra points</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>exclusive</source>
        <translation>exclusive</translation>
    </message>
    <message>
        <source>stacks</source>
        <translation>stacks</translation>
    </message>
    <message>
        <source>best for customer</source>
        <translation>best for customer</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>standard</translation>
    </message>
    <message>
        <source>silver</source>
        <translation>silver</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>gold</translation>
    </message>
    <message>
        <source>complaint</source>
        <extracomment>Service records (core.service): kinds, statuses, outcomes, ADR seriousness and course.</extracomment>
        <translation>complaint</translation>
    </message>
    <message>
        <source>follow-up call</source>
        <translation>follow-up call</translation>
    </message>
    <message>
        <source>enquiry</source>
        <translation>enquiry</translation>
    </message>
    <message>
        <source>adverse reaction (ADR)</source>
        <translation>adverse reaction (ADR)</translation>
    </message>
    <message>
        <source>return / quality feedback</source>
        <translation>return / quality feedback</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>replaced</translation>
    </message>
    <message>
        <source>not upheld</source>
        <translation>not upheld</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>referred</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>reached</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation>wrong number</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>reported</translation>
    </message>
    <message>
        <source>not reportable</source>
        <translation>not reportable</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrected</translation>
    </message>
    <message>
        <source>taken by staff</source>
        <translation>taken by staff</translation>
    </message>
    <message>
        <source>after a first purchase</source>
        <translation>after a first purchase</translation>
    </message>
    <message>
        <source>after a complaint</source>
        <translation>after a complaint</translation>
    </message>
    <message>
        <source>general</source>
        <translation>general</translation>
    </message>
    <message>
        <source>serious</source>
        <translation>serious</translation>
    </message>
    <message>
        <source>recovered</source>
        <translation>recovered</translation>
    </message>
    <message>
        <source>improving</source>
        <translation>improving</translation>
    </message>
    <message>
        <source>not recovered</source>
        <translation>not recovered</translation>
    </message>
    <message>
        <source>recovered with sequelae</source>
        <translation>recovered with sequelae</translation>
    </message>
    <message>
        <source>death</source>
        <translation>death</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>vs campaign holdout</source>
        <extracomment>How a promotion&apos;s effect was measured (analytics.models.promotions.METHODS).</extracomment>
        <translation>vs campaign holdout</translation>
    </message>
    <message>
        <source>vs same weekdays before</source>
        <translation>vs same weekdays before</translation>
    </message>
    <message>
        <source>paid for itself (+%1)</source>
        <extracomment>The verdicts of analytics.models.promotions.VERDICTS; %1 is the amount in currency units.</extracomment>
        <translation>paid for itself (+%1)</translation>
    </message>
    <message>
        <source>cost %1 more than it brought</source>
        <translation>cost %1 more than it brought</translation>
    </message>
    <message>
        <source>too early to tell</source>
        <translation>too early to tell</translation>
    </message>
    <message>
        <source>no days to compare with yet</source>
        <translation>no days to compare with yet</translation>
    </message>
</context>
<context>
    <name>consent_sources</name>
    <message>
        <source>paper form</source>
        <translation>paper form</translation>
    </message>
    <message>
        <source>verbal</source>
        <translation>verbal</translation>
    </message>
    <message>
        <source>app</source>
        <translation>app</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Net sales (VAT incl., after refunds)</source>
        <translation>Net sales (VAT incl., after refunds)</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>Average ticket</translation>
    </message>
    <message>
        <source>Items per basket</source>
        <translation>Items per basket</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>Gross margin</translation>
    </message>
    <message>
        <source>Gross margin %</source>
        <translation>Gross margin %</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Active members</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>Repeat rate</translation>
    </message>
    <message>
        <source>Inventory value</source>
        <translation>Inventory value</translation>
    </message>
    <message>
        <source>Inventory turnover</source>
        <translation>Inventory turnover</translation>
    </message>
    <message>
        <source>Near-expiry value (90 days)</source>
        <translation>Near-expiry value (90 days)</translation>
    </message>
    <message>
        <source>Reminder conversion</source>
        <translation>Reminder conversion</translation>
    </message>
    <message>
        <source>Cost per extra buyer</source>
        <translation>Cost per extra buyer</translation>
    </message>
    <message>
        <source>Campaign uplift</source>
        <translation>Campaign uplift</translation>
    </message>
    <message>
        <source>Last 7 full days (to yesterday)</source>
        <translation>Last 7 full days (to yesterday)</translation>
    </message>
    <message>
        <source>Last 30 full days (to yesterday)</source>
        <translation>Last 30 full days (to yesterday)</translation>
    </message>
    <message>
        <source>Last 90 full days (to yesterday)</source>
        <translation>Last 90 full days (to yesterday)</translation>
    </message>
    <message>
        <source>This month (with today)</source>
        <translation>This month (with today)</translation>
    </message>
    <message>
        <source>Campaign ROI</source>
        <translation>Campaign ROI</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The backup {name} is damaged and cannot be used: {problem}. Use an older backup.</source>
        <translation>The backup {name} is damaged and cannot be used: {problem}. Use an older backup.</translation>
    </message>
    <message>
        <source>The store file is damaged and cannot be used safely. Restore the latest good backup: {backup}</source>
        <translation>The store file is damaged and cannot be used safely. Restore the latest good backup: {backup}</translation>
    </message>
    <message>
        <source>The store file is damaged and cannot be used safely. Restore it from your latest backup (backups were kept in {folder}).</source>
        <translation>The store file is damaged and cannot be used safely. Restore it from your latest backup (backups were kept in {folder}).</translation>
    </message>
    <message>
        <source>The store file is damaged and cannot be used safely. Restore it from your latest backup.</source>
        <translation>The store file is damaged and cannot be used safely. Restore it from your latest backup.</translation>
    </message>
    <message>
        <source>Confirmed sales are missing from the store file (the last one was receipt {receipt}); its journal file was probably deleted while PharmaDesk was running. Restore the latest good backup: {backup}</source>
        <translation>Confirmed sales are missing from the store file (the last one was receipt {receipt}); its journal file was probably deleted while PharmaDesk was running. Restore the latest good backup: {backup}</translation>
    </message>
    <message>
        <source>Confirmed sales are missing from the store file (the last one was receipt {receipt}); its journal file was probably deleted while PharmaDesk was running. Restore it from your latest backup (backups were kept in {folder}).</source>
        <translation>Confirmed sales are missing from the store file (the last one was receipt {receipt}); its journal file was probably deleted while PharmaDesk was running. Restore it from your latest backup (backups were kept in {folder}).</translation>
    </message>
    <message>
        <source>Confirmed sales are missing from the store file (the last one was receipt {receipt}); its journal file was probably deleted while PharmaDesk was running. Restore it from your latest backup.</source>
        <translation>Confirmed sales are missing from the store file (the last one was receipt {receipt}); its journal file was probably deleted while PharmaDesk was running. Restore it from your latest backup.</translation>
    </message>
    <message>
        <source>Cannot write to the backup folder {folder}: {reason}</source>
        <translation>Cannot write to the backup folder {folder}: {reason}</translation>
    </message>
    <message>
        <source>The backup did not verify ({problem}); it was not kept. The store itself may be damaged: run a check.</source>
        <translation>The backup did not verify ({problem}); it was not kept. The store itself may be damaged: run a check.</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {reason}</source>
        <translation>The backup could not be written to {folder}: {reason}</translation>
    </message>
    <message>
        <source>Choose a folder for the backup first.</source>
        <translation>Choose a folder for the backup first.</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not available. Is the USB drive or second disk connected?</source>
        <translation>The backup folder {folder} is not available. Is the USB drive or second disk connected?</translation>
    </message>
    <message>
        <source>Open the store again to make a backup.</source>
        <translation>Open the store again to make a backup.</translation>
    </message>
    <message>
        <source>There is no backup folder at {path}.</source>
        <translation>There is no backup folder at {path}.</translation>
    </message>
    <message>
        <source>The restored copy differs from the backup; the target disk may be failing. Nothing was changed.</source>
        <translation>The restored copy differs from the backup; the target disk may be failing. Nothing was changed.</translation>
    </message>
    <message>
        <source>That barcode&apos;s check digit is wrong; scan it again.</source>
        <translation>That barcode&apos;s check digit is wrong; scan it again.</translation>
    </message>
    <message>
        <source>A product code is an EAN/UPC barcode or 3 to 32 letters and digits.</source>
        <translation>A product code is an EAN/UPC barcode or 3 to 32 letters and digits.</translation>
    </message>
    <message>
        <source>{field}: enter a whole number.</source>
        <translation>{field}: enter a whole number.</translation>
    </message>
    <message>
        <source>{field}: enter a whole number from {low} to {high}.</source>
        <translation>{field}: enter a whole number from {low} to {high}.</translation>
    </message>
    <message>
        <source>Only an OTC product has an OTC class (甲类 / 乙类).</source>
        <translation>Only an OTC product has an OTC class (甲类 / 乙类).</translation>
    </message>
    <message>
        <source>A product sold by the unit (split pack) needs the unit&apos;s name and price.</source>
        <translation>A product sold by the unit (split pack) needs the unit&apos;s name and price.</translation>
    </message>
    <message>
        <source>Set the units per pack before a unit price.</source>
        <translation>Set the units per pack before a unit price.</translation>
    </message>
    <message>
        <source>Under China GSP a medical device needs its registration number (注册证号, e.g. 国械注准 + 11 digits) or filing number (械备) in the approval number field.</source>
        <translation>Under China GSP a medical device needs its registration number (注册证号, e.g. 国械注准 + 11 digits) or filing number (械备) in the approval number field.</translation>
    </message>
    <message>
        <source>Under China GSP a medicine needs its approval number (批准文号, e.g. 国药准字H20013062).</source>
        <translation>Under China GSP a medicine needs its approval number (批准文号, e.g. 国药准字H20013062).</translation>
    </message>
    <message>
        <source>Unknown supplier field.</source>
        <translation>Unknown supplier field.</translation>
    </message>
    <message>
        <source>Enter the supplier&apos;s name.</source>
        <translation>Enter the supplier&apos;s name.</translation>
    </message>
    <message>
        <source>A supplier with that name already exists.</source>
        <translation>A supplier with that name already exists.</translation>
    </message>
    <message>
        <source>No such supplier.</source>
        <translation>No such supplier.</translation>
    </message>
    <message>
        <source>Unknown product field.</source>
        <translation>Unknown product field.</translation>
    </message>
    <message>
        <source>Enter the product&apos;s name.</source>
        <translation>Enter the product&apos;s name.</translation>
    </message>
    <message>
        <source>{field} is too long.</source>
        <translation>{field} is too long.</translation>
    </message>
    <message>
        <source>That ATC code is not valid (e.g. C09AA05).</source>
        <translation>That ATC code is not valid (e.g. C09AA05).</translation>
    </message>
    <message>
        <source>Unknown product category; use one of: {categories}.</source>
        <translation>Unknown product category; use one of: {categories}.</translation>
    </message>
    <message>
        <source>Legal class must be OTC, Rx or controlled.</source>
        <translation>Legal class must be OTC, Rx or controlled.</translation>
    </message>
    <message>
        <source>OTC class must be A (甲类) or B (乙类).</source>
        <translation>OTC class must be A (甲类) or B (乙类).</translation>
    </message>
    <message>
        <source>Storage condition must be ambient, cool (≤ 20 °C) or cold (2–8 °C).</source>
        <translation>Storage condition must be ambient, cool (≤ 20 °C) or cold (2–8 °C).</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>{field} is required.</translation>
    </message>
    <message>
        <source>Another product already has that barcode.</source>
        <translation>Another product already has that barcode.</translation>
    </message>
    <message>
        <source>No product matches “{text}”.</source>
        <translation>No product matches “{text}”.</translation>
    </message>
    <message>
        <source>Unknown kind of reminder.</source>
        <extracomment>The consent each kind of reminder needs: birthdays are marketing, everything else is care.</extracomment>
        <translation>Unknown kind of reminder.</translation>
    </message>
    <message>
        <source>A reminder goes by phone or SMS.</source>
        <translation>A reminder goes by phone or SMS.</translation>
    </message>
    <message>
        <source>Choose a member.</source>
        <translation>Choose a member.</translation>
    </message>
    <message>
        <source>This member has not agreed to this kind of message ({consent}).</source>
        <translation>This member has not agreed to this kind of message ({consent}).</translation>
    </message>
    <message>
        <source>A refill reminder names its medicine.</source>
        <translation>A refill reminder names its medicine.</translation>
    </message>
    <message>
        <source>No such product.</source>
        <translation>No such product.</translation>
    </message>
    <message>
        <source>Refill reminders are for maintenance medicines (with days of supply).</source>
        <translation>Refill reminders are for maintenance medicines (with days of supply).</translation>
    </message>
    <message>
        <source>This kind of reminder names no medicine.</source>
        <translation>This kind of reminder names no medicine.</translation>
    </message>
    <message>
        <source>Say why the member is reminded.</source>
        <translation>Say why the member is reminded.</translation>
    </message>
    <message>
        <source>The reason is too long.</source>
        <translation>The reason is too long.</translation>
    </message>
    <message>
        <source>The outcome is called, no answer, refilled or declined.</source>
        <translation>The outcome is called, no answer, refilled or declined.</translation>
    </message>
    <message>
        <source>No such reminder.</source>
        <translation>No such reminder.</translation>
    </message>
    <message>
        <source>The channel is phone, SMS or in person.</source>
        <translation>The channel is phone, SMS or in person.</translation>
    </message>
    <message>
        <source>No product has this barcode.</source>
        <translation>No product has this barcode.</translation>
    </message>
    <message>
        <source>A number is far too large.</source>
        <translation>A number is far too large.</translation>
    </message>
    <message>
        <source>The text contains broken characters (from a damaged file or paste); type it again.</source>
        <translation>The text contains broken characters (from a damaged file or paste); type it again.</translation>
    </message>
    <message>
        <source>The database could not be opened with this key: the key is wrong or the file is damaged.</source>
        <translation>The database could not be opened with this key: the key is wrong or the file is damaged.</translation>
    </message>
    <message>
        <source>The store file is not a PharmaDesk database.</source>
        <translation>The store file is not a PharmaDesk database.</translation>
    </message>
    <message>
        <source>The store&apos;s journal file (pharmadesk.db-wal) was deleted or replaced while PharmaDesk was running. This last change was NOT saved; everything confirmed before it is safe in the store file. Close PharmaDesk and start it again.</source>
        <translation>The store&apos;s journal file (pharmadesk.db-wal) was deleted or replaced while PharmaDesk was running. This last change was NOT saved; everything confirmed before it is safe in the store file. Close PharmaDesk and start it again.</translation>
    </message>
    <message>
        <source>The store&apos;s journal file (pharmadesk.db-wal) was deleted or replaced while PharmaDesk was running. This last change was NOT saved, and the latest confirmed sales are not yet safe: keep PharmaDesk open, close every other PharmaDesk window on this PC, then try again.</source>
        <translation>The store&apos;s journal file (pharmadesk.db-wal) was deleted or replaced while PharmaDesk was running. This last change was NOT saved, and the latest confirmed sales are not yet safe: keep PharmaDesk open, close every other PharmaDesk window on this PC, then try again.</translation>
    </message>
    <message>
        <source>The key file pharmadesk.key is damaged ({problem}). Restore it from a backup of this store; the recovery passphrase is not the cause.</source>
        <translation>The key file pharmadesk.key is damaged ({problem}). Restore it from a backup of this store; the recovery passphrase is not the cause.</translation>
    </message>
    <message>
        <source>The recovery passphrase must have at least {n} characters.</source>
        <translation>The recovery passphrase must have at least {n} characters.</translation>
    </message>
    <message>
        <source>That recovery passphrase is not correct. Nothing was changed.</source>
        <translation>That recovery passphrase is not correct. Nothing was changed.</translation>
    </message>
    <message>
        <source>The key file pharmadesk.key is missing from the store folder.</source>
        <translation>The key file pharmadesk.key is missing from the store folder.</translation>
    </message>
    <message>
        <source>Enter the store&apos;s recovery passphrase to unlock it.</source>
        <translation>Enter the store&apos;s recovery passphrase to unlock it.</translation>
    </message>
    <message>
        <source>This store was made by a newer PharmaDesk (schema {found}). Please update the program.</source>
        <translation>This store was made by a newer PharmaDesk (schema {found}). Please update the program.</translation>
    </message>
    <message>
        <source>{field}: enter an amount such as 12.50.</source>
        <translation>{field}: enter an amount such as 12.50.</translation>
    </message>
    <message>
        <source>{field}: the amount is too large.</source>
        <translation>{field}: the amount is too large.</translation>
    </message>
    <message>
        <source>{field}: enter a percentage from 0 to 100, e.g. 13.</source>
        <translation>{field}: enter a percentage from 0 to 100, e.g. 13.</translation>
    </message>
    <message>
        <source>The code was turned into a number like 4.0E+12 by the spreadsheet; format that column as text.</source>
        <translation>The code was turned into a number like 4.0E+12 by the spreadsheet; format that column as text.</translation>
    </message>
    <message>
        <source>{field}: enter a number of packs from {low} to {high}, e.g. 2 or 0.5.</source>
        <translation>{field}: enter a number of packs from {low} to {high}, e.g. 2 or 0.5.</translation>
    </message>
    <message>
        <source>{field}: enter a date as YYYY-MM-DD.</source>
        <translation>{field}: enter a date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>{field}: enter yes or no.</source>
        <translation>{field}: enter yes or no.</translation>
    </message>
    <message>
        <source>A member with this phone number already exists.</source>
        <translation>A member with this phone number already exists.</translation>
    </message>
    <message>
        <source>That card number is already in use.</source>
        <translation>That card number is already in use.</translation>
    </message>
    <message>
        <source>Enter a phone number of 7 to 15 digits.</source>
        <translation>Enter a phone number of 7 to 15 digits.</translation>
    </message>
    <message>
        <source>That birth date is not possible.</source>
        <translation>That birth date is not possible.</translation>
    </message>
    <message>
        <source>Enter the member&apos;s name.</source>
        <translation>Enter the member&apos;s name.</translation>
    </message>
    <message>
        <source>A name cannot contain control characters or text-direction codes.</source>
        <translation>A name cannot contain control characters or text-direction codes.</translation>
    </message>
    <message>
        <source>Unknown language; choose one of: {languages}.</source>
        <translation>Unknown language; choose one of: {languages}.</translation>
    </message>
    <message>
        <source>Sex must be F, M or X.</source>
        <translation>Sex must be F, M or X.</translation>
    </message>
    <message>
        <source>A condition name is too long.</source>
        <translation>A condition name is too long.</translation>
    </message>
    <message>
        <source>Only a pharmacist may record health information.</source>
        <translation>Only a pharmacist may record health information.</translation>
    </message>
    <message>
        <source>Unknown member field.</source>
        <translation>Unknown member field.</translation>
    </message>
    <message>
        <source>Another member already has that {field}.</source>
        <translation>Another member already has that {field}.</translation>
    </message>
    <message>
        <source>Consent is for care reminders or marketing.</source>
        <translation>Consent is for care reminders or marketing.</translation>
    </message>
    <message>
        <source>Say how the consent was given.</source>
        <translation>Say how the consent was given.</translation>
    </message>
    <message>
        <source>The member has only {points} points.</source>
        <translation>The member has only {points} points.</translation>
    </message>
    <message>
        <source>No such member.</source>
        <translation>No such member.</translation>
    </message>
    <message>
        <source>This member&apos;s data has been erased; the member can no longer be used or changed.</source>
        <translation>This member&apos;s data has been erased; the member can no longer be used or changed.</translation>
    </message>
    <message>
        <source>No member has this card.</source>
        <translation>No member has this card.</translation>
    </message>
    <message>
        <source>No member has this phone number.</source>
        <translation>No member has this phone number.</translation>
    </message>
    <message>
        <source>Members cannot be sorted that way.</source>
        <translation>Members cannot be sorted that way.</translation>
    </message>
    <message>
        <source>{field}: use a point for decimals, e.g. 12.50.</source>
        <translation>{field}: use a point for decimals, e.g. 12.50.</translation>
    </message>
    <message>
        <source>Export to a .json or a .pdf file.</source>
        <translation>Export to a .json or a .pdf file.</translation>
    </message>
    <message>
        <source>The folder for the export does not exist.</source>
        <translation>The folder for the export does not exist.</translation>
    </message>
    <message>
        <source>The file cannot be read; check its name and location.</source>
        <translation>The file cannot be read; check its name and location.</translation>
    </message>
    <message>
        <source>This file is not an export made by this store, or it was changed after the export.</source>
        <translation>This file is not an export made by this store, or it was changed after the export.</translation>
    </message>
    <message>
        <source>This member&apos;s data has already been erased.</source>
        <translation>This member&apos;s data has already been erased.</translation>
    </message>
    <message>
        <source>Export to a .csv or an .xlsx file.</source>
        <translation>Export to a .csv or an .xlsx file.</translation>
    </message>
    <message>
        <source>The sale has no items.</source>
        <translation>The sale has no items.</translation>
    </message>
    <message>
        <source>A sale can have at most {n} lines.</source>
        <translation>A sale can have at most {n} lines.</translation>
    </message>
    <message>
        <source>Attach the member to redeem points.</source>
        <translation>Attach the member to redeem points.</translation>
    </message>
    <message>
        <source>This coupon is not valid at this time.</source>
        <translation>This coupon is not valid at this time.</translation>
    </message>
    <message>
        <source>This coupon is not for this customer.</source>
        <translation>This coupon is not for this customer.</translation>
    </message>
    <message>
        <source>Nothing in the cart is eligible for this coupon.</source>
        <translation>Nothing in the cart is eligible for this coupon.</translation>
    </message>
    <message>
        <source>This coupon cannot apply: the eligible items are already sold at cost.</source>
        <translation>This coupon cannot apply: the eligible items are already sold at cost.</translation>
    </message>
    <message>
        <source>This coupon does not combine with the better promotions in this cart.</source>
        <translation>This coupon does not combine with the better promotions in this cart.</translation>
    </message>
    <message>
        <source>This coupon needs {threshold} spent on eligible items; the cart has {eligible}.</source>
        <translation>This coupon needs {threshold} spent on eligible items; the cart has {eligible}.</translation>
    </message>
    <message>
        <source>This coupon cannot be used in this sale.</source>
        <translation>This coupon cannot be used in this sale.</translation>
    </message>
    <message>
        <source>Points can pay for at most the whole sale.</source>
        <translation>Points can pay for at most the whole sale.</translation>
    </message>
    <message>
        <source>This coupon is already in the sale.</source>
        <translation>This coupon is already in the sale.</translation>
    </message>
    <message>
        <source>Only one coupon of the same promotion can be used in a sale.</source>
        <translation>Only one coupon of the same promotion can be used in a sale.</translation>
    </message>
    <message>
        <source>{product} is no longer sold.</source>
        <translation>{product} is no longer sold.</translation>
    </message>
    <message>
        <source>A discount cannot exceed the line&apos;s price.</source>
        <translation>A discount cannot exceed the line&apos;s price.</translation>
    </message>
    <message>
        <source>{product} needs a prescription: enter prescriber and number.</source>
        <translation>{product} needs a prescription: enter prescriber and number.</translation>
    </message>
    <message>
        <source>This prescription is more than a year old.</source>
        <translation>This prescription is more than a year old.</translation>
    </message>
    <message>
        <source>The prescription image is larger than 5 MB: scan it at a lower resolution.</source>
        <translation>The prescription image is larger than 5 MB: scan it at a lower resolution.</translation>
    </message>
    <message>
        <source>The prescription image cannot be read.</source>
        <translation>The prescription image cannot be read.</translation>
    </message>
    <message>
        <source>The prescription image must be a PNG or JPEG picture.</source>
        <translation>The prescription image must be a PNG or JPEG picture.</translation>
    </message>
    <message>
        <source>{product}: a pharmacist must check the dispensed medicine.</source>
        <translation>{product}: a pharmacist must check the dispensed medicine.</translation>
    </message>
    <message>
        <source>{product}: the check must be signed by a second pharmacist, not by whoever reviewed or dispensed it.</source>
        <translation>{product}: the check must be signed by a second pharmacist, not by whoever reviewed or dispensed it.</translation>
    </message>
    <message>
        <source>Give the reason one pharmacist signs both the review and the check.</source>
        <translation>Give the reason one pharmacist signs both the review and the check.</translation>
    </message>
    <message>
        <source>{product} is prescription-only: a pharmacist must confirm it.</source>
        <translation>{product} is prescription-only: a pharmacist must confirm it.</translation>
    </message>
    <message>
        <source>That approval is not valid here: ask again.</source>
        <translation>That approval is not valid here: ask again.</translation>
    </message>
    <message>
        <source>Prescription fields: at most {n} characters on one line.</source>
        <translation>Prescription fields: at most {n} characters on one line.</translation>
    </message>
    <message>
        <source>Enter the institution that issued the prescription.</source>
        <translation>Enter the institution that issued the prescription.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>No such prescription.</source>
        <translation>No such prescription.</translation>
    </message>
    <message>
        <source>Choose how the refund is paid back.</source>
        <translation>Choose how the refund is paid back.</translation>
    </message>
    <message>
        <source>Take payment first.</source>
        <translation>Take payment first.</translation>
    </message>
    <message>
        <source>Enter the transaction reference shown on the terminal or the customer&apos;s phone.</source>
        <translation>Enter the transaction reference shown on the terminal or the customer&apos;s phone.</translation>
    </message>
    <message>
        <source>A cash payment has no transaction reference.</source>
        <translation>A cash payment has no transaction reference.</translation>
    </message>
    <message>
        <source>A transaction reference is {low} to {high} letters or digits.</source>
        <translation>A transaction reference is {low} to {high} letters or digits.</translation>
    </message>
    <message>
        <source>Choose how the customer pays: cash, card, WeChat Pay, Alipay, medical insurance or voucher.</source>
        <translation>Choose how the customer pays: cash, card, WeChat Pay, Alipay, medical insurance or voucher.</translation>
    </message>
    <message>
        <source>Only cash is handed over with change.</source>
        <translation>Only cash is handed over with change.</translation>
    </message>
    <message>
        <source>The cash given is less than the amount due.</source>
        <translation>The cash given is less than the amount due.</translation>
    </message>
    <message>
        <source>The payments do not add up to the total.</source>
        <translation>The payments do not add up to the total.</translation>
    </message>
    <message>
        <source>Type the prescription date as {example} or {compact}.</source>
        <translation>Type the prescription date as {example} or {compact}.</translation>
    </message>
    <message>
        <source>The prescription date {date} is in the future: check the date on the prescription.</source>
        <translation>The prescription date {date} is in the future: check the date on the prescription.</translation>
    </message>
    <message>
        <source>This receipt is more than {days} days old: a pharmacist or the owner can look it up.</source>
        <translation>This receipt is more than {days} days old: a pharmacist or the owner can look it up.</translation>
    </message>
    <message>
        <source>No sale has this receipt number.</source>
        <translation>No sale has this receipt number.</translation>
    </message>
    <message>
        <source>Give a reason for the return.</source>
        <translation>Give a reason for the return.</translation>
    </message>
    <message>
        <source>No coupon of this sale is still used.</source>
        <translation>No coupon of this sale is still used.</translation>
    </message>
    <message>
        <source>Choose what is being returned.</source>
        <translation>Choose what is being returned.</translation>
    </message>
    <message>
        <source>This receipt comes from the old till&apos;s history; take returns of it by hand.</source>
        <translation>This receipt comes from the old till&apos;s history; take returns of it by hand.</translation>
    </message>
    <message>
        <source>That item is not on this receipt.</source>
        <translation>That item is not on this receipt.</translation>
    </message>
    <message>
        <source>Only {n} of this item can still be returned.</source>
        <translation>Only {n} of this item can still be returned.</translation>
    </message>
    <message>
        <source>A refund goes back the way the sale was paid, or in cash with the owner&apos;s approval.</source>
        <translation>A refund goes back the way the sale was paid, or in cash with the owner&apos;s approval.</translation>
    </message>
    <message>
        <source>There is nothing to suspend.</source>
        <translation>There is nothing to suspend.</translation>
    </message>
    <message>
        <source>A parked sale&apos;s label cannot hold a phone or card number: attach the member instead.</source>
        <translation>A parked sale&apos;s label cannot hold a phone or card number: attach the member instead.</translation>
    </message>
    <message>
        <source>That suspended sale is no longer there.</source>
        <translation>That suspended sale is no longer there.</translation>
    </message>
    <message>
        <source>Unknown kind of document.</source>
        <translation>Unknown kind of document.</translation>
    </message>
    <message>
        <source>A document belongs to one supplier or one product.</source>
        <translation>A document belongs to one supplier or one product.</translation>
    </message>
    <message>
        <source>This kind of document does not belong there.</source>
        <translation>This kind of document does not belong there.</translation>
    </message>
    <message>
        <source>A document cannot expire before it was issued.</source>
        <translation>A document cannot expire before it was issued.</translation>
    </message>
    <message>
        <source>{name} is already approved.</source>
        <translation>{name} is already approved.</translation>
    </message>
    <message>
        <source>{name}: the {document} expired on {expiry}.</source>
        <translation>{name}: the {document} expired on {expiry}.</translation>
    </message>
    <message>
        <source>Choose supplier or product.</source>
        <translation>Choose supplier or product.</translation>
    </message>
    <message>
        <source>{name} is not approved as a first-time supplier; approve it before receiving.</source>
        <translation>{name} is not approved as a first-time supplier; approve it before receiving.</translation>
    </message>
    <message>
        <source>{name} is not approved as a first-time product; approve it before receiving.</source>
        <translation>{name} is not approved as a first-time product; approve it before receiving.</translation>
    </message>
    <message>
        <source>{name}: no {document} on file; record it before receiving.</source>
        <translation>{name}: no {document} on file; record it before receiving.</translation>
    </message>
    <message>
        <source>{name}: the {document} expired on {expiry}; record the renewed document first.</source>
        <translation>{name}: the {document} expired on {expiry}; record the renewed document first.</translation>
    </message>
    <message>
        <source>Choose accepted, refused or quarantine.</source>
        <translation>Choose accepted, refused or quarantine.</translation>
    </message>
    <message>
        <source>That batch is not on this goods receipt.</source>
        <translation>That batch is not on this goods receipt.</translation>
    </message>
    <message>
        <source>Nothing of this receipt line awaits acceptance.</source>
        <translation>Nothing of this receipt line awaits acceptance.</translation>
    </message>
    <message>
        <source>{name} is a cold-chain item: enter its temperature on arrival.</source>
        <translation>{name} is a cold-chain item: enter its temperature on arrival.</translation>
    </message>
    <message>
        <source>{name} arrived at {temperature} °C, outside 2–8 °C: it cannot be accepted.</source>
        <translation>{name} arrived at {temperature} °C, outside 2–8 °C: it cannot be accepted.</translation>
    </message>
    <message>
        <source>No such batch.</source>
        <translation>No such batch.</translation>
    </message>
    <message>
        <source>Only {available} left in this batch.</source>
        <translation>Only {available} left in this batch.</translation>
    </message>
    <message>
        <source>No such quarantine record.</source>
        <translation>No such quarantine record.</translation>
    </message>
    <message>
        <source>Choose destroy or return.</source>
        <translation>Choose destroy or return.</translation>
    </message>
    <message>
        <source>A destruction needs two witnesses: two other colleagues confirm with their PIN.</source>
        <translation>A destruction needs two witnesses: two other colleagues confirm with their PIN.</translation>
    </message>
    <message>
        <source>This quarantine record is already closed.</source>
        <translation>This quarantine record is already closed.</translation>
    </message>
    <message>
        <source>A goods receipt needs at least one line.</source>
        <translation>A goods receipt needs at least one line.</translation>
    </message>
    <message>
        <source>Every line needs its batch number.</source>
        <translation>Every line needs its batch number.</translation>
    </message>
    <message>
        <source>Every line needs its expiry date.</source>
        <translation>Every line needs its expiry date.</translation>
    </message>
    <message>
        <source>Batch {batch} has already expired; do not receive it.</source>
        <translation>Batch {batch} has already expired; do not receive it.</translation>
    </message>
    <message>
        <source>More traceability codes than packs received in this batch ({n}).</source>
        <translation>More traceability codes than packs received in this batch ({n}).</translation>
    </message>
    <message>
        <source>Traceability code {code} is already on file: the same pack cannot be received twice.</source>
        <translation>Traceability code {code} is already on file: the same pack cannot be received twice.</translation>
    </message>
    <message>
        <source>Batch {batch} is already in stock with another expiry date.</source>
        <translation>Batch {batch} is already in stock with another expiry date.</translation>
    </message>
    <message>
        <source>This delivery does not match that order.</source>
        <translation>This delivery does not match that order.</translation>
    </message>
    <message>
        <source>{product} is not on this order.</source>
        <translation>{product} is not on this order.</translation>
    </message>
    <message>
        <source>More {product} delivered than is still on order ({n}).</source>
        <translation>More {product} delivered than is still on order ({n}).</translation>
    </message>
    <message>
        <source>Only {available} can be sold: {expired} more are expired and must be written off, not sold.</source>
        <translation>Only {available} can be sold: {expired} more are expired and must be written off, not sold.</translation>
    </message>
    <message>
        <source>Not enough stock: {available} available, {wanted} wanted.</source>
        <translation>Not enough stock: {available} available, {wanted} wanted.</translation>
    </message>
    <message>
        <source>The scanned pack&apos;s batch is not in sellable stock: check its traceability code.</source>
        <translation>The scanned pack&apos;s batch is not in sellable stock: check its traceability code.</translation>
    </message>
    <message>
        <source>An adjustment must change the quantity.</source>
        <translation>An adjustment must change the quantity.</translation>
    </message>
    <message>
        <source>Give a reason for this stock change.</source>
        <translation>Give a reason for this stock change.</translation>
    </message>
    <message>
        <source>The list cannot be sorted that way.</source>
        <translation>The list cannot be sorted that way.</translation>
    </message>
    <message>
        <source>No such stocktake.</source>
        <translation>No such stocktake.</translation>
    </message>
    <message>
        <source>This stocktake is already closed.</source>
        <translation>This stocktake is already closed.</translation>
    </message>
    <message>
        <source>A purchase order needs at least one line.</source>
        <translation>A purchase order needs at least one line.</translation>
    </message>
    <message>
        <source>This order cannot change that way any more.</source>
        <translation>This order cannot change that way any more.</translation>
    </message>
    <message>
        <source>No such purchase order.</source>
        <translation>No such purchase order.</translation>
    </message>
    <message>
        <source>The store&apos;s journal file (pharmadesk.db-wal) was deleted while PharmaDesk was running on this store. Close PharmaDesk everywhere on this PC (the running till saves its sales into the store file when it notices), then open the store again.</source>
        <translation>The store&apos;s journal file (pharmadesk.db-wal) was deleted while PharmaDesk was running on this store. Close PharmaDesk everywhere on this PC (the running till saves its sales into the store file when it notices), then open the store again.</translation>
    </message>
    <message>
        <source>A store already exists in that folder.</source>
        <translation>A store already exists in that folder.</translation>
    </message>
    <message>
        <source>There is no PharmaDesk store in that folder.</source>
        <translation>There is no PharmaDesk store in that folder.</translation>
    </message>
    <message>
        <source>Open the store again to use its keys.</source>
        <translation>Open the store again to use its keys.</translation>
    </message>
    <message>
        <source>Open the store again to run this in the background.</source>
        <translation>Open the store again to run this in the background.</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <source>Your account is locked or no longer active. Please log in again.</source>
        <translation>Your account is locked or no longer active. Please log in again.</translation>
    </message>
    <message>
        <source>Your role ({role}) is not allowed to {action}.</source>
        <translation>Your role ({role}) is not allowed to {action}.</translation>
    </message>
    <message>
        <source>Unknown setting.</source>
        <translation>Unknown setting.</translation>
    </message>
    <message>
        <source>That value is not one of the choices.</source>
        <translation>That value is not one of the choices.</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>No such user.</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>A password needs at least {n} characters.</translation>
    </message>
    <message>
        <source>The password contains broken characters.</source>
        <translation>The password contains broken characters.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>A PIN is 4 to 8 digits.</translation>
    </message>
    <message>
        <source>The first account must be the owner.</source>
        <translation>The first account must be the owner.</translation>
    </message>
    <message>
        <source>A user name is 2 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>A user name is 2 to 32 letters, digits, dots, dashes or underscores.</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>Enter the person&apos;s name.</translation>
    </message>
    <message>
        <source>Unknown role.</source>
        <translation>Unknown role.</translation>
    </message>
    <message>
        <source>That user name is already taken.</source>
        <translation>That user name is already taken.</translation>
    </message>
    <message>
        <source>The store must keep at least one active owner.</source>
        <translation>The store must keep at least one active owner.</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>The current password is not correct.</translation>
    </message>
    <message>
        <source>Only the owner can reset another person&apos;s password.</source>
        <translation>Only the owner can reset another person&apos;s password.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Too many wrong attempts. Try again in {minutes} minutes.</source>
        <translation>Too many wrong attempts. Try again in {minutes} minutes.</translation>
    </message>
    <message>
        <source>{name} is not allowed to approve this.</source>
        <translation>{name} is not allowed to approve this.</translation>
    </message>
    <message>
        <source>No such campaign.</source>
        <extracomment>Product categories an analysis reports on one by one; the rest (personal care, devices) fold into &quot;other&quot;.</extracomment>
        <translation>No such campaign.</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Give the campaign a name.</translation>
    </message>
    <message>
        <source>A campaign cannot end before it starts.</source>
        <translation>A campaign cannot end before it starts.</translation>
    </message>
    <message>
        <source>The holdout group must be between 0 % and 90 %.</source>
        <translation>The holdout group must be between 0 % and 90 %.</translation>
    </message>
    <message>
        <source>None of these members has agreed to marketing messages.</source>
        <translation>None of these members has agreed to marketing messages.</translation>
    </message>
    <message>
        <source>The {what} key is not a 32-byte key.</source>
        <translation>The {what} key is not a 32-byte key.</translation>
    </message>
    <message>
        <source>The manifest&apos;s signature does not match the store&apos;s key: the bundle was altered or not made by that store.</source>
        <translation>The manifest&apos;s signature does not match the store&apos;s key: the bundle was altered or not made by that store.</translation>
    </message>
    <message>
        <source>The file {name} cannot be decrypted: it was altered or truncated, or the bundle was not made for this head office.</source>
        <translation>The file {name} cannot be decrypted: it was altered or truncated, or the bundle was not made for this head office.</translation>
    </message>
    <message>
        <source>The manifest is not valid JSON.</source>
        <translation>The manifest is not valid JSON.</translation>
    </message>
    <message>
        <source>The manifest is not a PharmaDesk bundle manifest of a known format.</source>
        <translation>The manifest is not a PharmaDesk bundle manifest of a known format.</translation>
    </message>
    <message>
        <source>The manifest lacks {fields}.</source>
        <translation>The manifest lacks {fields}.</translation>
    </message>
    <message>
        <source>That file does not hold a head-office public key.</source>
        <translation>That file does not hold a head-office public key.</translation>
    </message>
    <message>
        <source>The head-office export folder {folder} is not available. Is the drive connected?</source>
        <translation>The head-office export folder {folder} is not available. Is the drive connected?</translation>
    </message>
    <message>
        <source>Choose a folder for the head-office export first.</source>
        <translation>Choose a folder for the head-office export first.</translation>
    </message>
    <message>
        <source>This store has no signing key yet: run &apos;pharmadesk export keys&apos; first.</source>
        <translation>This store has no signing key yet: run &apos;pharmadesk export keys&apos; first.</translation>
    </message>
    <message>
        <source>Head office&apos;s public key is not set: run &apos;pharmadesk export trust-hq&apos; first.</source>
        <translation>Head office&apos;s public key is not set: run &apos;pharmadesk export trust-hq&apos; first.</translation>
    </message>
    <message>
        <source>The file {name} does not match its checksum.</source>
        <translation>The file {name} does not match its checksum.</translation>
    </message>
    <message>
        <source>There is no report for {day} yet: that day is still to come.</source>
        <extracomment>audited actions an owner checks each day (loss prevention and security), in report order stock ledger reasons in report order</extracomment>
        <translation>There is no report for {day} yet: that day is still to come.</translation>
    </message>
    <message>
        <source>There is no report for {month} yet: that month is still to come.</source>
        <translation>There is no report for {month} yet: that month is still to come.</translation>
    </message>
    <message>
        <source>The period ends {end}, after the analysis date {as_of}: it would use later data.</source>
        <translation>The period ends {end}, after the analysis date {as_of}: it would use later data.</translation>
    </message>
    <message>
        <source>The period must end after it starts ({start} .. {end}).</source>
        <extracomment>KPIs computed by other analyses, joined in through :func:`owner_kpis` keyword arguments.</extracomment>
        <translation>The period must end after it starts ({start} .. {end}).</translation>
    </message>
    <message>
        <source>Not enough sales history for this backtest: it needs {days} days.</source>
        <translation>Not enough sales history for this backtest: it needs {days} days.</translation>
    </message>
    <message>
        <source>Too few distinct members ({n}) to choose between {low} and {high} segments.</source>
        <translation>Too few distinct members ({n}) to choose between {low} and {high} segments.</translation>
    </message>
    <message>
        <source>Segments need at least 3 members with a purchase.</source>
        <translation>Segments need at least 3 members with a purchase.</translation>
    </message>
    <message>
        <source>k must be between 1 and the number of purchasing members ({buyers}).</source>
        <translation>k must be between 1 and the number of purchasing members ({buyers}).</translation>
    </message>
    <message>
        <source>No member has bought anything yet: there is nothing to fit member value on.</source>
        <translation>No member has bought anything yet: there is nothing to fit member value on.</translation>
    </message>
    <message>
        <source>No member has bought twice yet: there is nothing to fit spend per purchase on.</source>
        <translation>No member has bought twice yet: there is nothing to fit spend per purchase on.</translation>
    </message>
    <message>
        <source>No member has bought anything before {day}.</source>
        <translation>No member has bought anything before {day}.</translation>
    </message>
    <message>
        <source>Enter the user name and PIN of the colleague who approves.</source>
        <translation>Enter the user name and PIN of the colleague who approves.</translation>
    </message>
    <message>
        <source>The file is not valid {format}: {problem}</source>
        <translation>The file is not valid {format}: {problem}</translation>
    </message>
    <message>
        <source>{field}: this cannot be empty.</source>
        <translation>{field}: this cannot be empty.</translation>
    </message>
    <message>
        <source>{field}: enter text.</source>
        <translation>{field}: enter text.</translation>
    </message>
    <message>
        <source>{field}: at most {limit} characters.</source>
        <translation>{field}: at most {limit} characters.</translation>
    </message>
    <message>
        <source>{field}: answer true or false.</source>
        <translation>{field}: answer true or false.</translation>
    </message>
    <message>
        <source>{field}: give a list of numbers.</source>
        <translation>{field}: give a list of numbers.</translation>
    </message>
    <message>
        <source>{field}: enter a time as HH:MM.</source>
        <translation>{field}: enter a time as HH:MM.</translation>
    </message>
    <message>
        <source>{where}: unknown field “{field}”.</source>
        <translation>{where}: unknown field “{field}”.</translation>
    </message>
    <message>
        <source>{field}: give named fields.</source>
        <translation>{field}: give named fields.</translation>
    </message>
    <message>
        <source>{field}: there is no product {product}.</source>
        <translation>{field}: there is no product {product}.</translation>
    </message>
    <message>
        <source>{field}: give a list of products.</source>
        <translation>{field}: give a list of products.</translation>
    </message>
    <message>
        <source>A promotion is described by named fields.</source>
        <translation>A promotion is described by named fields.</translation>
    </message>
    <message>
        <source>kind: choose one of {choices}.</source>
        <translation>kind: choose one of {choices}.</translation>
    </message>
    <message>
        <source>A {kind} promotion has no {field}.</source>
        <translation>A {kind} promotion has no {field}.</translation>
    </message>
    <message>
        <source>stacking: choose one of {choices}.</source>
        <translation>stacking: choose one of {choices}.</translation>
    </message>
    <message>
        <source>{field}: give a list of categories.</source>
        <translation>{field}: give a list of categories.</translation>
    </message>
    <message>
        <source>categories: there is no category {category}.</source>
        <translation>categories: there is no category {category}.</translation>
    </message>
    <message>
        <source>A promotion cannot end before it starts.</source>
        <translation>A promotion cannot end before it starts.</translation>
    </message>
    <message>
        <source>This promotion would end before today.</source>
        <translation>This promotion would end before today.</translation>
    </message>
    <message>
        <source>Give both a start and an end time, or neither.</source>
        <translation>Give both a start and an end time, or neither.</translation>
    </message>
    <message>
        <source>The start time must come before the end time.</source>
        <translation>The start time must come before the end time.</translation>
    </message>
    <message>
        <source>This calendar has no day on which the promotion runs.</source>
        <translation>This calendar has no day on which the promotion runs.</translation>
    </message>
    <message>
        <source>audience: choose one of {choices}.</source>
        <translation>audience: choose one of {choices}.</translation>
    </message>
    <message>
        <source>tier: choose one of {choices}.</source>
        <translation>tier: choose one of {choices}.</translation>
    </message>
    <message>
        <source>Only a tier audience names a tier.</source>
        <translation>Only a tier audience names a tier.</translation>
    </message>
    <message>
        <source>A listed audience needs either member_ids (a segment) or a campaign_id.</source>
        <translation>A listed audience needs either member_ids (a segment) or a campaign_id.</translation>
    </message>
    <message>
        <source>member_ids: the list is empty.</source>
        <translation>member_ids: the list is empty.</translation>
    </message>
    <message>
        <source>Only a listed audience takes member_ids or a campaign_id.</source>
        <translation>Only a listed audience takes member_ids or a campaign_id.</translation>
    </message>
    <message>
        <source>A member price is for members: choose members, a tier or a list as the audience.</source>
        <translation>A member price is for members: choose members, a tier or a list as the audience.</translation>
    </message>
    <message>
        <source>A multiplier of 100 % changes nothing.</source>
        <translation>A multiplier of 100 % changes nothing.</translation>
    </message>
    <message>
        <source>A member price needs exactly one of prices, tier_prices or percent.</source>
        <translation>A member price needs exactly one of prices, tier_prices or percent.</translation>
    </message>
    <message>
        <source>{field}: give pairs of a name and a number.</source>
        <translation>{field}: give pairs of a name and a number.</translation>
    </message>
    <message>
        <source>Product #{product} is both included and excluded.</source>
        <translation>Product #{product} is both included and excluded.</translation>
    </message>
    <message>
        <source>This scope leaves no product to discount.</source>
        <translation>This scope leaves no product to discount.</translation>
    </message>
    <message>
        <source>Product #{product} has a member price but is not among the promotion&apos;s products.</source>
        <translation>Product #{product} has a member price but is not among the promotion&apos;s products.</translation>
    </message>
    <message>
        <source>The member price of product #{product} must be below its price ({price}).</source>
        <translation>The member price of product #{product} must be below its price ({price}).</translation>
    </message>
    <message>
        <source>The gift, product #{product}, is excluded from this promotion&apos;s products.</source>
        <translation>The gift, product #{product}, is excluded from this promotion&apos;s products.</translation>
    </message>
    <message>
        <source>The tier prices leave out the {tier} members this promotion is for.</source>
        <translation>The tier prices leave out the {tier} members this promotion is for.</translation>
    </message>
    <message>
        <source>The discount ({amount}) must be smaller than the spend it needs ({threshold}).</source>
        <translation>The discount ({amount}) must be smaller than the spend it needs ({threshold}).</translation>
    </message>
    <message>
        <source>A points multiplier needs its lines to earn points (earns_points).</source>
        <translation>A points multiplier needs its lines to earn points (earns_points).</translation>
    </message>
    <message>
        <source>Product #{product} is prescription-only or controlled: set include_rx to discount it.</source>
        <translation>Product #{product} is prescription-only or controlled: set include_rx to discount it.</translation>
    </message>
    <message>
        <source>Overlaps with promotion “{name}” (#{id}): same products on the same days.</source>
        <translation>Overlaps with promotion “{name}” (#{id}): same products on the same days.</translation>
    </message>
    <message>
        <source>Gives product #{product} another member price than promotion “{name}” (#{id}) for the same members on the same days.</source>
        <translation>Gives product #{product} another member price than promotion “{name}” (#{id}) for the same members on the same days.</translation>
    </message>
    <message>
        <source>Only an active promotion can be paused.</source>
        <translation>Only an active promotion can be paused.</translation>
    </message>
    <message>
        <source>Only a paused promotion can be resumed.</source>
        <translation>Only a paused promotion can be resumed.</translation>
    </message>
    <message>
        <source>This promotion has already ended.</source>
        <translation>This promotion has already ended.</translation>
    </message>
    <message>
        <source>status: choose one of {choices}.</source>
        <translation>status: choose one of {choices}.</translation>
    </message>
    <message>
        <source>A coupon must stay valid until at least {date}.</source>
        <translation>A coupon must stay valid until at least {date}.</translation>
    </message>
    <message>
        <source>A coupon cannot outlast its promotion, which ends on {date}.</source>
        <translation>A coupon cannot outlast its promotion, which ends on {date}.</translation>
    </message>
    <message>
        <source>Issue coupons to members, to a campaign or as a number of codes: one of the three.</source>
        <translation>Issue coupons to members, to a campaign or as a number of codes: one of the three.</translation>
    </message>
    <message>
        <source>Each of these members already holds an open coupon of this promotion.</source>
        <translation>Each of these members already holds an open coupon of this promotion.</translation>
    </message>
    <message>
        <source>No such sale.</source>
        <translation>No such sale.</translation>
    </message>
    <message>
        <source>This coupon has just been used.</source>
        <translation>This coupon has just been used.</translation>
    </message>
    <message>
        <source>This coupon has not been used.</source>
        <translation>This coupon has not been used.</translation>
    </message>
    <message>
        <source>This coupon was cancelled.</source>
        <translation>This coupon was cancelled.</translation>
    </message>
    <message>
        <source>A used coupon cannot be cancelled.</source>
        <translation>A used coupon cannot be cancelled.</translation>
    </message>
    <message>
        <source>Export to a .csv file.</source>
        <translation>Export to a .csv file.</translation>
    </message>
    <message>
        <source>There is no coupon with this code.</source>
        <translation>There is no coupon with this code.</translation>
    </message>
    <message>
        <source>This coupon was used on {date}.</source>
        <translation>This coupon was used on {date}.</translation>
    </message>
    <message>
        <source>The promotion of this coupon has ended.</source>
        <translation>The promotion of this coupon has ended.</translation>
    </message>
    <message>
        <source>The promotion of this coupon is paused.</source>
        <translation>The promotion of this coupon is paused.</translation>
    </message>
    <message>
        <source>This coupon expired on {date}.</source>
        <translation>This coupon expired on {date}.</translation>
    </message>
    <message>
        <source>This coupon is valid from {date}.</source>
        <translation>This coupon is valid from {date}.</translation>
    </message>
    <message>
        <source>This coupon belongs to a member: look the member up first.</source>
        <translation>This coupon belongs to a member: look the member up first.</translation>
    </message>
    <message>
        <source>This coupon belongs to another member.</source>
        <translation>This coupon belongs to another member.</translation>
    </message>
    <message>
        <source>Coupons belong to a coupon promotion.</source>
        <translation>Coupons belong to a coupon promotion.</translation>
    </message>
    <message>
        <source>No such promotion.</source>
        <translation>No such promotion.</translation>
    </message>
    <message>
        <source>That approval number is not in a known form: 国药准字 + H/Z/S/J + 8 digits for a drug, 国械注准 + 11 digits (or a filing number 械备) for a device.</source>
        <translation>That approval number is not in a known form: 国药准字 + H/Z/S/J + 8 digits for a drug, 国械注准 + 11 digits (or a filing number 械备) for a device.</translation>
    </message>
    <message>
        <source>{field} must be a number from {low} to {high}.</source>
        <translation>{field} must be a number from {low} to {high}.</translation>
    </message>
    <message>
        <source>Fill in {field}.</source>
        <translation>Fill in {field}.</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters.</source>
        <translation>{field} is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>{field}: enter a date and time as YYYY-MM-DD HH:MM.</source>
        <translation>{field}: enter a date and time as YYYY-MM-DD HH:MM.</translation>
    </message>
    <message>
        <source>Choose ambient, cool or cold.</source>
        <translation>Choose ambient, cool or cold.</translation>
    </message>
    <message>
        <source>The lower limit must be below the upper limit.</source>
        <translation>The lower limit must be below the upper limit.</translation>
    </message>
    <message>
        <source>There is already an area called {name}.</source>
        <translation>There is already an area called {name}.</translation>
    </message>
    <message>
        <source>No such storage area.</source>
        <translation>No such storage area.</translation>
    </message>
    <message>
        <source>This storage area is no longer logged.</source>
        <translation>This storage area is no longer logged.</translation>
    </message>
    <message>
        <source>A reading cannot be taken in the future.</source>
        <translation>A reading cannot be taken in the future.</translation>
    </message>
    <message>
        <source>{area}: {temperature} °C / {humidity} % is outside the allowed range; enter the corrective action taken.</source>
        <translation>{area}: {temperature} °C / {humidity} % is outside the allowed range; enter the corrective action taken.</translation>
    </message>
    <message>
        <source>Too many rows; import the rest separately.</source>
        <translation>Too many rows; import the rest separately.</translation>
    </message>
    <message>
        <source>A row needs timestamp, area, temperature and humidity.</source>
        <translation>A row needs timestamp, area, temperature and humidity.</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>Line {line}: {problem}</translation>
    </message>
    <message>
        <source>Choose ok or bad.</source>
        <translation>Choose ok or bad.</translation>
    </message>
    <message>
        <source>There is no sale and no stock movement before {day}: import the sales history (pharmadesk import sales) or receive goods and sell first, or choose a later date.</source>
        <translation>There is no sale and no stock movement before {day}: import the sales history (pharmadesk import sales) or receive goods and sell first, or choose a later date.</translation>
    </message>
    <message>
        <source>This analysis needs sales history, and there is no sale before {day}: import the sales history (pharmadesk import sales) or choose a later date.</source>
        <translation>This analysis needs sales history, and there is no sale before {day}: import the sales history (pharmadesk import sales) or choose a later date.</translation>
    </message>
    <message>
        <source>This analysis needs {needed} days of sales history before {day}; the history starts {start}, only {have} days. Choose a date on or after {earliest}, or ask for less.</source>
        <translation>This analysis needs {needed} days of sales history before {day}; the history starts {start}, only {have} days. Choose a date on or after {earliest}, or ask for less.</translation>
    </message>
    <message>
        <source>No sale before {day} has two or more products: basket analysis learns from such sales. Import the sales history with its receipt numbers, or choose a later date.</source>
        <translation>No sale before {day} has two or more products: basket analysis learns from such sales. Import the sales history with its receipt numbers, or choose a later date.</translation>
    </message>
    <message>
        <source>Ephedrine-containing medicines need the buyer&apos;s ID number and name.</source>
        <translation>Ephedrine-containing medicines need the buyer&apos;s ID number and name.</translation>
    </message>
    <message>
        <source>Enter the buyer&apos;s name as on the ID card.</source>
        <translation>Enter the buyer&apos;s name as on the ID card.</translation>
    </message>
    <message>
        <source>At most {limit} packs of ephedrine-containing medicines may be sold at a time.</source>
        <translation>At most {limit} packs of ephedrine-containing medicines may be sold at a time.</translation>
    </message>
    <message>
        <source>Ephedrine-containing medicines are sold only in whole packs.</source>
        <translation>Ephedrine-containing medicines are sold only in whole packs.</translation>
    </message>
    <message>
        <source>{product} may not suit this member (recorded allergy): a pharmacist must confirm the sale.</source>
        <translation>{product} may not suit this member (recorded allergy): a pharmacist must confirm the sale.</translation>
    </message>
    <message>
        <source>That is not a valid 18-character resident ID number: check it against the ID card.</source>
        <translation>That is not a valid 18-character resident ID number: check it against the ID card.</translation>
    </message>
    <message>
        <source>Opening a pack for sale by the unit needs a pharmacist to check it.</source>
        <translation>Opening a pack for sale by the unit needs a pharmacist to check it.</translation>
    </message>
    <message>
        <source>{product} is not sold by the unit: its product record has no split ratio and unit price.</source>
        <translation>{product} is not sold by the unit: its product record has no split ratio and unit price.</translation>
    </message>
    <message>
        <source>Only {available} unit(s) in opened packs: open another pack first.</source>
        <translation>Only {available} unit(s) in opened packs: open another pack first.</translation>
    </message>
    <message>
        <source>Directions: at most {n} characters on one line.</source>
        <translation>Directions: at most {n} characters on one line.</translation>
    </message>
    <message>
        <source>That item was not sold by the unit.</source>
        <translation>That item was not sold by the unit.</translation>
    </message>
    <message>
        <source>A traceability code has 20 digits and begins with 8: scan the pack&apos;s code again.</source>
        <translation>A traceability code has 20 digits and begins with 8: scan the pack&apos;s code again.</translation>
    </message>
    <message>
        <source>Traceability code {code} was scanned twice.</source>
        <translation>Traceability code {code} was scanned twice.</translation>
    </message>
    <message>
        <source>Traceability code {code} was scanned twice in this sale.</source>
        <translation>Traceability code {code} was scanned twice in this sale.</translation>
    </message>
    <message>
        <source>Traceability code {code} was never received into stock: this pack cannot be sold. Check the goods receipt.</source>
        <translation>Traceability code {code} was never received into stock: this pack cannot be sold. Check the goods receipt.</translation>
    </message>
    <message>
        <source>Traceability code {code} is not on file: scan the product&apos;s barcode first, then its code.</source>
        <translation>Traceability code {code} is not on file: scan the product&apos;s barcode first, then its code.</translation>
    </message>
    <message>
        <source>Traceability code {code} has already been sold: this pack cannot be sold again.</source>
        <translation>Traceability code {code} has already been sold: this pack cannot be sold again.</translation>
    </message>
    <message>
        <source>Traceability code {code} is in quarantine: this pack cannot be sold.</source>
        <translation>Traceability code {code} is in quarantine: this pack cannot be sold.</translation>
    </message>
    <message>
        <source>Traceability code {code} belongs to another product ({product}).</source>
        <translation>Traceability code {code} belongs to another product ({product}).</translation>
    </message>
    <message>
        <source>Units from an opened pack carry no traceability code: the pack&apos;s code was recorded when it was opened.</source>
        <translation>Units from an opened pack carry no traceability code: the pack&apos;s code was recorded when it was opened.</translation>
    </message>
    <message>
        <source>{product}: {scanned} traceability codes for {quantity} pack(s).</source>
        <translation>{product}: {scanned} traceability codes for {quantity} pack(s).</translation>
    </message>
    <message>
        <source>{product}: scan the traceability code of each pack ({scanned} of {quantity} scanned).</source>
        <translation>{product}: scan the traceability code of each pack ({scanned} of {quantity} scanned).</translation>
    </message>
    <message>
        <source>Scan at least one traceability code.</source>
        <translation>Scan at least one traceability code.</translation>
    </message>
    <message>
        <source>Unknown kind of timeline event.</source>
        <translation>Unknown kind of timeline event.</translation>
    </message>
    <message>
        <source>{field}: enter the text.</source>
        <extracomment>The codes a record of each kind may close with.</extracomment>
        <translation>{field}: enter the text.</translation>
    </message>
    <message>
        <source>Unknown kind of service record.</source>
        <translation>Unknown kind of service record.</translation>
    </message>
    <message>
        <source>This member has not agreed to care calls; record the call only with their consent.</source>
        <translation>This member has not agreed to care calls; record the call only with their consent.</translation>
    </message>
    <message>
        <source>The reaction cannot start in the future.</source>
        <translation>The reaction cannot start in the future.</translation>
    </message>
    <message>
        <source>An ADR is general or serious.</source>
        <translation>An ADR is general or serious.</translation>
    </message>
    <message>
        <source>Unknown outcome of the reaction.</source>
        <translation>Unknown outcome of the reaction.</translation>
    </message>
    <message>
        <source>That outcome does not fit this kind of record.</source>
        <translation>That outcome does not fit this kind of record.</translation>
    </message>
    <message>
        <source>Only a follow-up call records a call&apos;s outcome.</source>
        <translation>Only a follow-up call records a call&apos;s outcome.</translation>
    </message>
    <message>
        <source>No such service record.</source>
        <translation>No such service record.</translation>
    </message>
    <message>
        <source>Unknown status.</source>
        <translation>Unknown status.</translation>
    </message>
    <message>
        <source>That sale belongs to another member.</source>
        <translation>That sale belongs to another member.</translation>
    </message>
    <message>
        <source>That batch is not a batch of this product.</source>
        <translation>That batch is not a batch of this product.</translation>
    </message>
    <message>
        <source>This record is closed; reopen it first.</source>
        <translation>This record is closed; reopen it first.</translation>
    </message>
    <message>
        <source>A record that is {status} cannot go there.</source>
        <translation>A record that is {status} cannot go there.</translation>
    </message>
    <message>
        <source>Scan or type the suspect product.</source>
        <translation>Scan or type the suspect product.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaction</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>headoffice</name>
    <message>
        <source>Last export: never</source>
        <translation>Last export: never</translation>
    </message>
    <message>
        <source>Last export: {0} (bundle {1})</source>
        <translation>Last export: {0} (bundle {1})</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>The file is not UTF-8 text (first unreadable byte on this line) and its encoding cannot be told for sure (it may be {guess}). Choose the encoding it was saved in (the import&apos;s encoding choice, or --encoding): cp1252 for Western European Excel, gb18030 for Chinese Excel.</source>
        <translation>The file is not UTF-8 text (first unreadable byte on this line) and its encoding cannot be told for sure (it may be {guess}). Choose the encoding it was saved in (the import&apos;s encoding choice, or --encoding): cp1252 for Western European Excel, gb18030 for Chinese Excel.</translation>
    </message>
    <message>
        <source>Unknown encoding; use a name such as utf-8, gb18030 or cp1252.</source>
        <translation>Unknown encoding; use a name such as utf-8, gb18030 or cp1252.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>This line cannot be read as CSV (a quote is not closed, or a value is far too long).</source>
        <translation>This line cannot be read as CSV (a quote is not closed, or a value is far too long).</translation>
    </message>
    <message>
        <source>From this line on the file cannot be read in the encoding chosen or detected ({encoding}); choose the encoding it was saved in.</source>
        <translation>From this line on the file cannot be read in the encoding chosen or detected ({encoding}); choose the encoding it was saved in.</translation>
    </message>
    <message>
        <source>Two columns mean {column}; keep one.</source>
        <translation>Two columns mean {column}; keep one.</translation>
    </message>
    <message>
        <source>Required column(s) missing: {columns}. The first line must name the columns.</source>
        <translation>Required column(s) missing: {columns}. The first line must name the columns.</translation>
    </message>
    <message>
        <source>This line has more fields than the header: is a delimiter inside an unquoted value?</source>
        <translation>This line has more fields than the header: is a delimiter inside an unquoted value?</translation>
    </message>
    <message>
        <source>The value is too long (more than {n} characters).</source>
        <translation>The value is too long (more than {n} characters).</translation>
    </message>
    <message>
        <source>Import products, members or sales.</source>
        <translation>Import products, members or sales.</translation>
    </message>
    <message>
        <source>The file is larger than 200 MB; split it.</source>
        <translation>The file is larger than 200 MB; split it.</translation>
    </message>
    <message>
        <source>The file cannot be read; check its name and location.</source>
        <translation>The file cannot be read; check its name and location.</translation>
    </message>
    <message>
        <source>The errors file cannot be written there; choose another folder for it.</source>
        <translation>The errors file cannot be written there; choose another folder for it.</translation>
    </message>
    <message>
        <source>The error limit must be at least 1.</source>
        <translation>The error limit must be at least 1.</translation>
    </message>
    <message>
        <source>The folder for the errors file does not exist.</source>
        <translation>The folder for the errors file does not exist.</translation>
    </message>
    <message>
        <source>This row conflicts with data already in the store (a number that must be unique is already used).</source>
        <translation>This row conflicts with data already in the store (a number that must be unique is already used).</translation>
    </message>
    <message>
        <source>A supplier&apos;s terms need the supplier column on the same row.</source>
        <translation>A supplier&apos;s terms need the supplier column on the same row.</translation>
    </message>
    <message>
        <source>This barcode is already on line {n}.</source>
        <translation>This barcode is already on line {n}.</translation>
    </message>
    <message>
        <source>A value is required.</source>
        <translation>A value is required.</translation>
    </message>
    <message>
        <source>A new product needs a value here.</source>
        <translation>A new product needs a value here.</translation>
    </message>
    <message>
        <source>A card number is 1 to 32 letters and digits.</source>
        <translation>A card number is 1 to 32 letters and digits.</translation>
    </message>
    <message>
        <source>The same {what} is already on line {n}.</source>
        <translation>The same {what} is already on line {n}.</translation>
    </message>
    <message>
        <source>The date is too far in the past.</source>
        <translation>The date is too far in the past.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>The date is in the future.</translation>
    </message>
    <message>
        <source>No product has this code.</source>
        <translation>No product has this code.</translation>
    </message>
    <message>
        <source>No member has this card number.</source>
        <translation>No member has this card number.</translation>
    </message>
    <message>
        <source>A receipt id has at most 64 characters.</source>
        <translation>A receipt id has at most 64 characters.</translation>
    </message>
    <message>
        <source>A part pack needs the product&apos;s split-pack ratio: set split_units (units per pack) on the product, e.g. by importing products with a split_units column, or enter whole packs.</source>
        <translation>A part pack needs the product&apos;s split-pack ratio: set split_units (units per pack) on the product, e.g. by importing products with a split_units column, or enter whole packs.</translation>
    </message>
    <message>
        <source>The quantity is not a whole number of units ({n} per pack): enter a multiple of 1/{n} pack.</source>
        <translation>The quantity is not a whole number of units ({n} per pack): enter a multiple of 1/{n} pack.</translation>
    </message>
    <message>
        <source>This receipt was imported before; it is not imported twice.</source>
        <translation>This receipt was imported before; it is not imported twice.</translation>
    </message>
    <message>
        <source>Same receipt as line {n} but a different date or member card.</source>
        <translation>Same receipt as line {n} but a different date or member card.</translation>
    </message>
    <message>
        <source>Not imported: line {n} of the same sale has an error.</source>
        <translation>Not imported: line {n} of the same sale has an error.</translation>
    </message>
    <message>
        <source>Enter the OTC class as 甲类 or 乙类 (A or B).</source>
        <translation>Enter the OTC class as 甲类 or 乙类 (A or B).</translation>
    </message>
    <message>
        <source>Enter the storage condition as 常温, 阴凉 or 冷藏 (ambient, cool or cold).</source>
        <translation>Enter the storage condition as 常温, 阴凉 or 冷藏 (ambient, cool or cold).</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>Day close</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>Care</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>Reorder</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Member value</source>
        <translation>Member value</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
</context>
<context>
    <name>payments</name>
    <message>
        <source>Cash</source>
        <extracomment>every payment method, in the order the till and the reports list them methods whose transaction reference must be recorded (it is how the store reconciles them) the methods&apos; names as people at the counter say them (context &quot;payments&quot;)</extracomment>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>Insurance (医保)</source>
        <translation>Insurance (医保)</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Net sales (VAT incl., after refunds)</source>
        <extracomment>how every report labels :func:`net_sales` (context &quot;payments&quot;)</extracomment>
        <translation>Net sales (VAT incl., after refunds)</translation>
    </message>
</context>
<context>
    <name>prescriptionRecord</name>
    <message>
        <source>Prescription record</source>
        <translation>Prescription record</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescriber</translation>
    </message>
    <message>
        <source>Prescription number</source>
        <translation>Prescription number</translation>
    </message>
    <message>
        <source>Prescription date</source>
        <translation>Prescription date</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicine</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Reviewed by (审核)</source>
        <translation>Reviewed by (审核)</translation>
    </message>
    <message>
        <source>Dispensed by (调配)</source>
        <translation>Dispensed by (调配)</translation>
    </message>
    <message>
        <source>Checked by (核对)</source>
        <translation>Checked by (核对)</translation>
    </message>
    <message>
        <source>One pharmacist signed both: {0}</source>
        <translation>One pharmacist signed both: {0}</translation>
    </message>
    <message>
        <source>A scan of the prescription is kept with this record.</source>
        <translation>A scan of the prescription is kept with this record.</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>Copying the database</source>
        <translation>Copying the database</translation>
    </message>
    <message>
        <source>Copying the key file</source>
        <translation>Copying the key file</translation>
    </message>
    <message>
        <source>Verifying the backup</source>
        <translation>Verifying the backup</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Finishing</translation>
    </message>
    <message>
        <source>Writing the workbook</source>
        <translation>Writing the workbook</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Reading the quality records</source>
        <translation>Reading the quality records</translation>
    </message>
    <message>
        <source>Creating the store</source>
        <translation>Creating the store</translation>
    </message>
    <message>
        <source>Reading members&apos; purchases</source>
        <translation>Reading members&apos; purchases</translation>
    </message>
    <message>
        <source>Grouping members</source>
        <translation>Grouping members</translation>
    </message>
    <message>
        <source>Campaign {id}</source>
        <translation>Campaign {id}</translation>
    </message>
    <message>
        <source>Trying {k} groups</source>
        <translation>Trying {k} groups</translation>
    </message>
    <message>
        <source>Checking the groups hold ({i} of {n})</source>
        <translation>Checking the groups hold ({i} of {n})</translation>
    </message>
    <message>
        <source>Preparing member figures</source>
        <translation>Preparing member figures</translation>
    </message>
    <message>
        <source>Members put into {k} groups</source>
        <translation>Members put into {k} groups</translation>
    </message>
    <message>
        <source>Groups ready</source>
        <translation>Groups ready</translation>
    </message>
    <message>
        <source>KPIs</source>
        <extracomment>The plain step labels jobs and models report (``steps(0.3, &quot;demand history&quot;)``), marked here so lupdate collects them: a progress panel translates a plain label in context ``&quot;progress&quot;``. A label with a number in it is a :class:`~pharmadesk.wording.Text` instead.</extracomment>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>KPIs ready</source>
        <translation>KPIs ready</translation>
    </message>
    <message>
        <source>backtest</source>
        <translation>backtest</translation>
    </message>
    <message>
        <source>baskets</source>
        <translation>baskets</translation>
    </message>
    <message>
        <source>baskets loaded</source>
        <translation>baskets loaded</translation>
    </message>
    <message>
        <source>care and campaigns</source>
        <translation>care and campaigns</translation>
    </message>
    <message>
        <source>conversion</source>
        <translation>conversion</translation>
    </message>
    <message>
        <source>current period</source>
        <translation>current period</translation>
    </message>
    <message>
        <source>demand history</source>
        <translation>demand history</translation>
    </message>
    <message>
        <source>dispensings</source>
        <translation>dispensings</translation>
    </message>
    <message>
        <source>dispensings loaded</source>
        <translation>dispensings loaded</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>fitting</source>
        <translation>fitting</translation>
    </message>
    <message>
        <source>holdouts</source>
        <translation>holdouts</translation>
    </message>
    <message>
        <source>in-scope sales</source>
        <translation>in-scope sales</translation>
    </message>
    <message>
        <source>inventory loaded</source>
        <translation>inventory loaded</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>loading</translation>
    </message>
    <message>
        <source>member features loaded</source>
        <translation>member features loaded</translation>
    </message>
    <message>
        <source>member purchase days loaded</source>
        <translation>member purchase days loaded</translation>
    </message>
    <message>
        <source>member sales loaded</source>
        <translation>member sales loaded</translation>
    </message>
    <message>
        <source>member spend loaded</source>
        <translation>member spend loaded</translation>
    </message>
    <message>
        <source>member transactions loaded</source>
        <translation>member transactions loaded</translation>
    </message>
    <message>
        <source>members loaded</source>
        <translation>members loaded</translation>
    </message>
    <message>
        <source>products</source>
        <translation>products</translation>
    </message>
    <message>
        <source>promoted lines</source>
        <translation>promoted lines</translation>
    </message>
    <message>
        <source>promotions</source>
        <translation>promotions</translation>
    </message>
    <message>
        <source>purchase days</source>
        <translation>purchase days</translation>
    </message>
    <message>
        <source>reminders</source>
        <translation>reminders</translation>
    </message>
    <message>
        <source>sale lines loaded</source>
        <translation>sale lines loaded</translation>
    </message>
    <message>
        <source>sales loaded</source>
        <translation>sales loaded</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>stock history</source>
        <translation>stock history</translation>
    </message>
    <message>
        <source>suggestions</source>
        <translation>suggestions</translation>
    </message>
    <message>
        <source>visits loaded</source>
        <translation>visits loaded</translation>
    </message>
    <message>
        <source>FP-growth</source>
        <translation>FP-growth</translation>
    </message>
    <message>
        <source>adherence</source>
        <translation>adherence</translation>
    </message>
    <message>
        <source>classifying demand</source>
        <translation>classifying demand</translation>
    </message>
    <message>
        <source>fitting purchase model (BG/NBD)</source>
        <translation>fitting purchase model (BG/NBD)</translation>
    </message>
    <message>
        <source>fitting spend model (Gamma-Gamma)</source>
        <translation>fitting spend model (Gamma-Gamma)</translation>
    </message>
    <message>
        <source>forecasting</source>
        <translation>forecasting</translation>
    </message>
    <message>
        <source>inventory</source>
        <translation>inventory</translation>
    </message>
    <message>
        <source>lapsed members and birthdays</source>
        <translation>lapsed members and birthdays</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>loaded</translation>
    </message>
    <message>
        <source>medication synchronisation</source>
        <translation>medication synchronisation</translation>
    </message>
    <message>
        <source>mining the training baskets</source>
        <translation>mining the training baskets</translation>
    </message>
    <message>
        <source>one-hot baskets</source>
        <translation>one-hot baskets</translation>
    </message>
    <message>
        <source>promotions scored</source>
        <translation>promotions scored</translation>
    </message>
    <message>
        <source>reminder list</source>
        <translation>reminder list</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>rules</translation>
    </message>
    <message>
        <source>run-out dates</source>
        <translation>run-out dates</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>sales</translation>
    </message>
    <message>
        <source>scoring campaign</source>
        <translation>scoring campaign</translation>
    </message>
    <message>
        <source>scoring held-out baskets</source>
        <translation>scoring held-out baskets</translation>
    </message>
    <message>
        <source>scoring members</source>
        <translation>scoring members</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>stock</translation>
    </message>
    <message>
        <source>stock and orders</source>
        <translation>stock and orders</translation>
    </message>
    <message>
        <source>summarising purchases</source>
        <translation>summarising purchases</translation>
    </message>
</context>
<context>
    <name>quality</name>
    <message>
        <source>drug trading licence</source>
        <translation>drug trading licence</translation>
    </message>
    <message>
        <source>business licence</source>
        <translation>business licence</translation>
    </message>
    <message>
        <source>GSP certificate</source>
        <translation>GSP certificate</translation>
    </message>
    <message>
        <source>sales representative&apos;s authorisation</source>
        <translation>sales representative&apos;s authorisation</translation>
    </message>
    <message>
        <source>product approval (first-time product)</source>
        <translation>product approval (first-time product)</translation>
    </message>
</context>
<context>
    <name>receipt</name>
    <message>
        <source>exp.</source>
        <translation>exp.</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Points redeemed</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>incl. VAT</source>
        <translation>incl. VAT</translation>
    </message>
    <message>
        <source>ref.</source>
        <translation>ref.</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Points earned: {0}</source>
        <translation>Points earned: {0}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>You saved</source>
        <translation>You saved</translation>
    </message>
    <message>
        <source>Spec.</source>
        <translation>Spec.</translation>
    </message>
    <message>
        <source>Mfr.</source>
        <translation>Mfr.</translation>
    </message>
</context>
<context>
    <name>reorder</name>
    <message>
        <source>Sells most days, {week}</source>
        <extracomment>How a demand class sells, in words ({week}: the forecast units per week, already in words).</extracomment>
        <translation>Sells most days, {week}</translation>
    </message>
    <message>
        <source>Sells most days but in uneven amounts, {week}</source>
        <translation>Sells most days but in uneven amounts, {week}</translation>
    </message>
    <message>
        <source>Sells on some days only, {week}</source>
        <translation>Sells on some days only, {week}</translation>
    </message>
    <message>
        <source>Sells now and then, in uneven amounts, {week}</source>
        <translation>Sells now and then, in uneven amounts, {week}</translation>
    </message>
    <message>
        <source>no sales expected</source>
        <translation>no sales expected</translation>
    </message>
    <message>
        <source>less than 1 a week</source>
        <translation>less than 1 a week</translation>
    </message>
    <message>
        <source>about {n} a week</source>
        <translation>about {n} a week</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>out of stock</translation>
    </message>
    <message>
        <source>{n} in stock</source>
        <translation>{n} in stock</translation>
    </message>
    <message>
        <source>more than a year of stock left</source>
        <translation>more than a year of stock left</translation>
    </message>
    <message>
        <source>less than a day of stock left</source>
        <translation>less than a day of stock left</translation>
    </message>
    <message>
        <source>{n} days of stock left</source>
        <translation>{n} days of stock left</translation>
    </message>
    <message>
        <source>no need to order yet</source>
        <translation>no need to order yet</translation>
    </message>
    <message>
        <source>do not order: the supplier&apos;s minimum would expire before it sells</source>
        <translation>do not order: the supplier&apos;s minimum would expire before it sells</translation>
    </message>
    <message>
        <source>order only {n}: more would expire before it sells</source>
        <translation>order only {n}: more would expire before it sells</translation>
    </message>
    <message>
        <source>order {n} (the supplier&apos;s minimum order)</source>
        <translation>order {n} (the supplier&apos;s minimum order)</translation>
    </message>
    <message>
        <source>order {n} (whole packs of {pack})</source>
        <translation>order {n} (whole packs of {pack})</translation>
    </message>
    <message>
        <source>order {n}</source>
        <translation>order {n}</translation>
    </message>
    <message>
        <source>No sales expected</source>
        <translation>No sales expected</translation>
    </message>
    <message>
        <source>{n} already on order</source>
        <translation>{n} already on order</translation>
    </message>
    <message>
        <source>the supplier needs {n} days</source>
        <translation>the supplier needs {n} days</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>.</source>
        <translation>.</translation>
    </message>
    <message>
        <source>most days</source>
        <translation>most days</translation>
    </message>
    <message>
        <source>most days, uneven amounts</source>
        <translation>most days, uneven amounts</translation>
    </message>
    <message>
        <source>some days only</source>
        <translation>some days only</translation>
    </message>
    <message>
        <source>now and then, uneven amounts</source>
        <translation>now and then, uneven amounts</translation>
    </message>
    <message>
        <source>no recent sales</source>
        <translation>no recent sales</translation>
    </message>
    <message>
        <source>below reorder point</source>
        <translation>below reorder point</translation>
    </message>
    <message>
        <source>enough</source>
        <translation>enough</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>owner</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>pharmacist</source>
        <translation>pharmacist</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>cashier</translation>
    </message>
</context>
<context>
    <name>segments</name>
    <message>
        <source>win back</source>
        <extracomment>Beyond this median recency (days) a group is gone for now: only &quot;win back&quot; fits it. A name that promises an active group (&quot;reward regulars&quot;, &quot;keep refills on time&quot;) needs its median member to have bought within this many days. The naming rules, in priority order. Each name says what the owner does with the group. ``c`` is a cluster&apos;s profile, ``p`` the population&apos;s (purchasing members): ``recency`` and ``tenure`` are medians in days; ``frequency``, ``monetary``, ``ticket`` and the ``share_*`` columns are means (ticket = monetary / frequency, currency units). A rule also checks the absolute figures its name promises (an active group bought within :data:`ACTIVE_DAYS`, nobody but &quot;win back&quot; past :data:`GONE_DAYS`), so a name never contradicts the group&apos;s numbers (:func:`name_fits`).</extracomment>
        <translation>win back</translation>
    </message>
    <message>
        <source>welcome newcomers</source>
        <translation>welcome newcomers</translation>
    </message>
    <message>
        <source>call before they drift</source>
        <translation>call before they drift</translation>
    </message>
    <message>
        <source>keep refills on time</source>
        <translation>keep refills on time</translation>
    </message>
    <message>
        <source>mother &amp; baby offers</source>
        <translation>mother &amp; baby offers</translation>
    </message>
    <message>
        <source>thank big spenders</source>
        <translation>thank big spenders</translation>
    </message>
    <message>
        <source>reward regulars</source>
        <translation>reward regulars</translation>
    </message>
    <message>
        <source>chronic care follow-up</source>
        <translation>chronic care follow-up</translation>
    </message>
    <message>
        <source>supplement offers</source>
        <translation>supplement offers</translation>
    </message>
    <message>
        <source>self-care offers</source>
        <translation>self-care offers</translation>
    </message>
    <message>
        <source>cold &amp; flu reminders</source>
        <translation>cold &amp; flu reminders</translation>
    </message>
    <message>
        <source>invite back occasional buyers</source>
        <translation>invite back occasional buyers</translation>
    </message>
    <message>
        <source>keep in touch</source>
        <extracomment>What a group no rule fits is called: &quot;win back&quot; once its median member is gone (numbered when the rule&apos;s own &quot;win back&quot; is taken), else &quot;keep in touch&quot; (a name that promises nothing the numbers could contradict).</extracomment>
        <translation>keep in touch</translation>
    </message>
    <message>
        <source>no purchase yet</source>
        <translation>no purchase yet</translation>
    </message>
</context>
<context>
    <name>service</name>
    <message>
        <source>the member</source>
        <translation>the member</translation>
    </message>
    <message>
        <source>your medicine</source>
        <translation>your medicine</translation>
    </message>
    <message>
        <source>Hello %1, this is your pharmacy. We are calling to ask how you are getting on with %2: are you taking it as directed, and have you noticed any side effects?</source>
        <translation>Hello %1, this is your pharmacy. We are calling to ask how you are getting on with %2: are you taking it as directed, and have you noticed any side effects?</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Add the scanned or typed product</source>
        <translation>Add the scanned or typed product</translation>
    </message>
    <message>
        <source>Change the selected line&apos;s quantity</source>
        <translation>Change the selected line&apos;s quantity</translation>
    </message>
    <message>
        <source>Remove the selected line</source>
        <translation>Remove the selected line</translation>
    </message>
    <message>
        <source>Choose a line in the cart</source>
        <translation>Choose a line in the cart</translation>
    </message>
    <message>
        <source>Go to the page in that place of the list</source>
        <translation>Go to the page in that place of the list</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <source>Pay by cash, card, WeChat Pay, Alipay, insurance (医保), voucher or mixed</source>
        <translation>Pay by cash, card, WeChat Pay, Alipay, insurance (医保), voucher or mixed</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Pay part with the member&apos;s points</source>
        <translation>Pay part with the member&apos;s points</translation>
    </message>
    <message>
        <source>Complete the sale once the payment is complete</source>
        <translation>Complete the sale once the payment is complete</translation>
    </message>
</context>
<context>
    <name>splitLabel</name>
    <message>
        <source>Split-pack label</source>
        <translation>Split-pack label</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicine</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Directions</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Dispensed</source>
        <translation>Dispensed</translation>
    </message>
    <message>
        <source>Ask the pharmacist</source>
        <translation>Ask the pharmacist</translation>
    </message>
</context>
</TS>
