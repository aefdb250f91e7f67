-- Name-prefix searches within a jurisdiction (and their counts) are answered from the index alone.
drop index if exists elder_name_idx;
create index elder_name_scope_idx on elder (name varchar_pattern_ops, region_path varchar_pattern_ops);
