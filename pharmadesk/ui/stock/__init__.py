"""The stock pages: catalogue, goods receipt, adjustments, stocktake, expiry, suppliers and purchase orders."""
