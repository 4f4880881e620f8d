-- A wave's group reports are written all at once when it closes (≈ 1,800 rows of 3–5 kB for a
-- national wave) and read a few rows at a time. Compressing them cost about a third of storing
-- them; uncompressed they take ≈ 8 MB per national wave. See bench/README.md (survey-report).
ALTER TABLE "survey_group_reports" ALTER COLUMN "data" SET STORAGE EXTERNAL;
