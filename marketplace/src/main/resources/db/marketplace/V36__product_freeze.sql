-- catalog: a frozen product (an operator's decision, or 5 days of failing dial tests) is off sale and hidden until
-- unfrozen; frozen_reason says why, to the seller and the operators.
ALTER TABLE product ADD COLUMN frozen_reason VARCHAR(500);
ALTER TABLE product ADD COLUMN frozen_at TIMESTAMP WITH TIME ZONE;
