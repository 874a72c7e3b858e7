package io.catscores.syncronizer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CatalogNormalizerTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void temperamentsAreTrimmedTitleCasedAndDistinctIgnoringCase() {
    assertThat(CatalogNormalizer.temperaments("affectionate, CURIOUS,, easy  going , Curious"))
        .containsExactly("Affectionate", "Curious", "Easy Going");
    assertThat(CatalogNormalizer.temperaments(null)).isEmpty();
  }

  @Test
  void keepsWhatIsValidAndDropsEmptyStringsAndUnknownFields() {
    var result =
        CatalogNormalizer.breed(
            json.readTree(
                """
                {"id": "beng", "name": " Bengal ", "origin": "", "life_span": "",
                 "weight": {"imperial": "6 - 12"}, "wikipedia_url": "not a url",
                 "image": {"id": "O3btzLlsO"}, "energy_level": 5, "lap": 0,
                 "grooming": "lots", "bidability": 3, "made_up_field": 42}
                """));
    var breed = result.row();
    assertThat(result.rejection()).isNull();
    assertThat(breed.name()).isEqualTo("Bengal");
    assertThat(breed.origin()).isNull();
    assertThat(breed.lifeSpan()).isNull();
    assertThat(breed.weightImperial()).isEqualTo("6 - 12");
    assertThat(breed.weightMetric()).isNull();
    assertThat(breed.wikipediaUrl()).isNull();
    assertThat(breed.referenceImageId()).isEqualTo("O3btzLlsO");
    assertThat(breed.traits()).containsOnlyKeys("energy_level", "lap", "bidability");
  }

  @Test
  void rejectsObjectsWithoutIdOrName() {
    assertThat(CatalogNormalizer.breed(json.readTree("{\"name\": \"Mystery\"}")).rejection())
        .isEqualTo("missing id");
    assertThat(
            CatalogNormalizer.breed(json.readTree("{\"id\": \"x\", \"name\": \" \"}")).rejection())
        .isEqualTo("missing name (id x)");
    assertThat(CatalogNormalizer.breed(json.readTree("[1]")).rejection())
        .isEqualTo("not a JSON object");
    assertThat(
            CatalogNormalizer.category(json.readTree("{\"id\": \"one\", \"name\": \"hats\"}"))
                .row())
        .isNull();
    assertThat(
            CatalogNormalizer.image(json.readTree("{\"id\": \"a\", \"url\": \"ftp://x\"}")).row())
        .isNull();
  }
}
