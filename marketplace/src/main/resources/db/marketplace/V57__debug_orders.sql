-- openapi: the test orders of 应用接入调试 and the dial tests, so Query Order answers them to the seller that was
-- debugged (its kit reads the order behind a debug newInstance / upgrade like any other). Pruned after 30 days.
CREATE TABLE debug_order (
    order_id    VARCHAR(64)              NOT NULL PRIMARY KEY,
    seller_id   BIGINT                   NOT NULL,
    order_type  VARCHAR(20)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX debug_order_created_idx ON debug_order (created_at);
