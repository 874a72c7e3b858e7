-- What GET /api/v2/breeds/abys runs (CatalogRepository): the breed, then its images.
SELECT * FROM breed WHERE id = 'abys' AND (CAST(NULL AS text) IS NULL OR source = NULL)
  ORDER BY removed_at NULLS FIRST, source LIMIT 1;
SELECT i.* FROM breed_image bi JOIN image i ON i.source = bi.source AND i.id = bi.image_id
  WHERE bi.source = 'thecatapi' AND bi.breed_id = 'abys' ORDER BY bi.position;
