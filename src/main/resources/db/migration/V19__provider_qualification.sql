-- A service provider's operating qualification (PLATFORM.md §7): revoked after two consecutive years with an annual
-- performance score below 80, restorable only by civil affairs with a reason. Dispatch gives a revoked provider no
-- new orders and its caregivers are not assignable.
alter table region_organisation add column qualification_revoked_at timestamptz;
alter table region_organisation add column qualification_revoked_reason varchar(500);
