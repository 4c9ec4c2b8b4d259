-- console: the seller center's order list reads a seller's lines newest first; the operator's searches by time.
CREATE INDEX order_line_seller_idx ON order_line (seller_id);
CREATE INDEX customer_order_created_idx ON customer_order (created_at);
