-- Reconciliation keeps evidence: what was ingested and how breaks were resolved. Those rows are
-- never updated or deleted by anyone, enforced here rather than trusted to the code.
create function recon_forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end $$;
