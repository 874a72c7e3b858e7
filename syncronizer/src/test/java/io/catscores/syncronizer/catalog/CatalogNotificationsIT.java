package io.catscores.syncronizer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.devstack.UpstreamReplica;
import io.catscores.syncronizer.Notifications;
import io.catscores.syncronizer.SyncronizerIT;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a sync's writes tell the api (V8's triggers): the first sync which tables of which source
 * changed; a resync of an unchanged upstream, which writes no row, only that a sync ran.
 */
@SyncronizerIT
class CatalogNotificationsIT {

  private static final UpstreamReplica UPSTREAM = UpstreamReplica.start(0);

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("UPSTREAM_CATAPI_URL", UPSTREAM::baseUrl);
  }

  @Autowired CatalogSync sync;
  @Autowired SyncProperties properties;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @AfterAll
  static void stop() {
    UPSTREAM.close();
  }

  private void run() {
    assertThat(sync.run(properties.sources().get(0), "catalog-notifications-it").succeeded())
        .isTrue();
  }

  @Test
  void aSyncNotifiesWhatItChangedAndAnUnchangedResyncOnlyItsRun() throws Exception {
    try (Notifications notifications = new Notifications(dataSource)) {
      jdbc.execute("TRUNCATE breed, category, image, breed_image, category_image");
      notifications.received(100);
      run();
      assertThat(notifications.received(2_000))
          .contains(
              "{\"table\" : \"breed\", \"sources\" : [\"thecatapi\"]}",
              "{\"table\" : \"category\", \"sources\" : [\"thecatapi\"]}",
              "{\"table\" : \"image\", \"sources\" : [\"thecatapi\"]}",
              "{\"table\" : \"breed_image\", \"sources\" : [\"thecatapi\"]}");

      run();
      assertThat(notifications.received(500))
          .isNotEmpty()
          .allMatch(payload -> payload.startsWith("{\"table\" : \"sync_run\""));
    }
  }
}
