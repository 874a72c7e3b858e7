package io.catscores.syncronizer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

class BreedNormalizerTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void temperamentsAreTrimmedTitleCasedAndDistinctIgnoringCase() {
    assertThat(BreedNormalizer.temperaments("affectionate, CURIOUS,, easy  going , Curious"))
        .containsExactly("Affectionate", "Curious", "Easy Going");
    assertThat(BreedNormalizer.temperaments(null)).isEmpty();
  }

  @Test
  void keepsWhatIsValidAndDropsEmptyStringsAndUnknownFields() {
    var result =
        BreedNormalizer.breed(
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
    assertThat(BreedNormalizer.breed(json.readTree("{\"name\": \"Mystery\"}")).rejection())
        .isEqualTo("missing id");
    assertThat(BreedNormalizer.breed(json.readTree("{\"id\": \"x\", \"name\": \" \"}")).rejection())
        .isEqualTo("missing name (id x)");
    assertThat(BreedNormalizer.breed(json.readTree("[1]")).rejection())
        .isEqualTo("not a JSON object");
    assertThat(
            BreedNormalizer.category(json.readTree("{\"id\": \"one\", \"name\": \"hats\"}")).row())
        .isNull();
    assertThat(BreedNormalizer.image(json.readTree("{\"id\": \"a\", \"url\": \"ftp://x\"}")).row())
        .isNull();
  }

  @Test
  void retryAfterReadsSecondsDatesAndTheCatApiHeader() {
    var headers = new HttpHeaders();
    headers.set("Retry-After", "7");
    assertThat(UpstreamClient.retryAfter(headers)).hasSeconds(7);
    headers = new HttpHeaders();
    headers.set("Retry-After-Seconds", "3");
    assertThat(UpstreamClient.retryAfter(headers)).hasSeconds(3);
    headers = new HttpHeaders();
    headers.set("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
    assertThat(UpstreamClient.retryAfter(headers)).isZero();
    headers = new HttpHeaders();
    headers.set("Retry-After", "soon");
    assertThat(UpstreamClient.retryAfter(headers)).isNull();
  }
}
