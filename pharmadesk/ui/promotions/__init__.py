"""The owner's Promotions page: the list with its actions, the new-promotion dialog with a price preview,
coupons, and the promotion results."""
