-- studybot store, version 4: groups follow the configured default time zone until someone sets theirs.
-- time_zone stays the zone the group's week and month totals are counted in; zone_chosen says whether it was
-- chosen (1) or follows the default (0), in which case a new default is applied at start-up and the totals
-- recounted. Before this version the default was always UTC, so a group in another zone had chosen it.
ALTER TABLE study_groups ADD COLUMN zone_chosen INTEGER NOT NULL DEFAULT 0 CHECK (zone_chosen IN (0, 1));
UPDATE study_groups SET zone_chosen = 1 WHERE time_zone <> 'UTC';
