-- API keys now live in the deployment's security file (hashes only), the same list in every
-- service, so that one key works on all four and the database owner cannot add one. The table that
-- held the gateway's own keys goes.
drop trigger api_key_guard on api_key;
drop function api_key_guard();
drop table api_key;
