-- onboarding: 子用户管理. A seller may have several SELLER logins: its main login and up to 50 sub-users.
-- main_subject_id is the subject id for the one main login of a subject and NULL for sub-users, so the unique rule
-- "one main login per role and subject" holds on PostgreSQL and H2 alike (NULLs are distinct in both).
ALTER TABLE login DROP CONSTRAINT login_one_per_subject;
ALTER TABLE login ADD COLUMN main_subject_id BIGINT;
UPDATE login SET main_subject_id = subject_id;
ALTER TABLE login ADD CONSTRAINT login_one_main_per_subject UNIQUE (role, main_subject_id);

-- Which seller-center pages a sub-user may open (comma-separated SellerPage codes); its password is in login.
CREATE TABLE seller_sub_user (
    login        VARCHAR(100)  PRIMARY KEY,
    seller_id    BIGINT        NOT NULL,
    permissions  VARCHAR(400)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX seller_sub_user_seller_idx ON seller_sub_user (seller_id);
