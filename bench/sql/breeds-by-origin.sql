-- What GET /api/v2/breeds?origin=United%20States runs (CatalogRepository): count, then page 1.
SELECT count(*) FROM breed WHERE removed_at IS NULL
  AND (CAST('United States' AS text) IS NULL OR lower(origin) = lower('United States'))
  AND temperament_keys @> CAST('{}' AS text[])
  AND (CAST(NULL AS text) IS NULL OR name ILIKE NULL)
  AND (CAST(NULL AS text) IS NULL OR source = NULL);
SELECT * FROM breed WHERE removed_at IS NULL
  AND (CAST('United States' AS text) IS NULL OR lower(origin) = lower('United States'))
  AND temperament_keys @> CAST('{}' AS text[])
  AND (CAST(NULL AS text) IS NULL OR name ILIKE NULL)
  AND (CAST(NULL AS text) IS NULL OR source = NULL)
  ORDER BY name, source, id LIMIT 20 OFFSET 0;
