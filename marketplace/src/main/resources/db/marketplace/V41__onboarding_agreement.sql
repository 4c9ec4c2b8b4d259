-- onboarding: 协议签署 — the cooperation agreement a seller signed with one Huawei Cloud contracting entity, by which
-- login and when. Business information is certified per signed entity (V42).
CREATE TABLE seller_agreement (
    seller_id   BIGINT        NOT NULL,
    entity      VARCHAR(32)   NOT NULL,
    agreement   VARCHAR(100)  NOT NULL,
    signed_by   VARCHAR(100)  NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT seller_agreement_pk PRIMARY KEY (seller_id, entity)
);
