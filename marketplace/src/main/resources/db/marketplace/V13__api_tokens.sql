-- access: bearer tokens for the JSON API; only the SHA-256 of a token is stored.
CREATE TABLE api_token (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    role        VARCHAR(16)  NOT NULL,
    subject_id  BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
