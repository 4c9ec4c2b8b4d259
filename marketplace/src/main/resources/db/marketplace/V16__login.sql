-- access: who may sign in with a password, as which role and subject; the hash is Spring Security's {id}hash.
CREATE TABLE login (
    login          VARCHAR(100) PRIMARY KEY,
    role           VARCHAR(16)  NOT NULL,
    subject_id     BIGINT       NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT login_one_per_subject UNIQUE (role, subject_id)
);
