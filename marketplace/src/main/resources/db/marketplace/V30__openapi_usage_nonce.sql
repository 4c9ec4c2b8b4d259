-- openapi: nonces of verified usage pushes, shared by every node so a replay is refused wherever it lands.
-- A row is kept until its request's ts leaves the window (after that the ts check refuses the replay anyway).
CREATE TABLE openapi_usage_nonce (
    nonce        VARCHAR(64)              NOT NULL PRIMARY KEY,
    forget_after TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX openapi_usage_nonce_forget_idx ON openapi_usage_nonce (forget_after);
