-- order: KooGallery-shaped orders (CS + yyMMddHHmm + 5) and their lines (<orderId>-000001).
CREATE TABLE customer_order (
    id            VARCHAR(32)    PRIMARY KEY,
    buyer_id      BIGINT         NOT NULL,
    order_type    VARCHAR(16)    NOT NULL,
    status        VARCHAR(16)    NOT NULL,
    amount        NUMERIC(19, 2) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    pay_deadline  TIMESTAMP WITH TIME ZONE,
    paid_at       TIMESTAMP WITH TIME ZONE,
    closed_at     TIMESTAMP WITH TIME ZONE,
    failure       VARCHAR(1000)
);
CREATE INDEX customer_order_buyer_idx ON customer_order (buyer_id);
CREATE INDEX customer_order_unpaid_idx ON customer_order (status, pay_deadline);

-- effective_from: when the period this line bought starts (a renewal starts at the old expiry).
CREATE TABLE order_line (
    id                  VARCHAR(40)    PRIMARY KEY,
    order_id            VARCHAR(32)    NOT NULL REFERENCES customer_order (id),
    catalog_product_id  BIGINT         NOT NULL,
    seller_id           BIGINT         NOT NULL,
    sku_code            VARCHAR(64)    NOT NULL,
    kg_product_id       VARCHAR(64)    NOT NULL,
    charging_mode       VARCHAR(16)    NOT NULL,
    period_type         VARCHAR(8),
    period_number       INT,
    trial               BOOLEAN        NOT NULL,
    amount              NUMERIC(19, 2) NOT NULL,
    instance_key        BIGINT,
    previous_sku_code   VARCHAR(64),
    previous_kg_product_id VARCHAR(64),
    effective_from      TIMESTAMP WITH TIME ZONE,
    expire_time         TIMESTAMP WITH TIME ZONE,
    refunded_amount     NUMERIC(19, 2) NOT NULL DEFAULT 0
);
CREATE INDEX order_line_order_idx ON order_line (order_id);
CREATE INDEX order_line_instance_idx ON order_line (instance_key);
