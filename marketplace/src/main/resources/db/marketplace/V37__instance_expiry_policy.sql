-- instance: the buyer's expiry policy (修改到期策略). auto_renew: renew one period of the instance's period type from the
-- balance shortly before expiry. auto_renew_tried_expiry: the expiry an automatic renewal was last attempted for, so a
-- failed attempt (balance too small) is not repeated every pass; a manual renewal moves expire_time and re-arms it.
ALTER TABLE instance ADD COLUMN auto_renew BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE instance ADD COLUMN auto_renew_tried_expiry TIMESTAMP WITH TIME ZONE;
CREATE INDEX instance_auto_renew_idx ON instance (auto_renew, status, expire_time);
