package dev.hndeepest.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.json.Json;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ItemSourceTest {

  @Test
  void of_shouldBeFirebase_onlyForTheOfficialBaseUrl() {
    assertThat(ItemSource.of(URI.create("https://hacker-news.firebaseio.com/v0"))).isEqualTo(ItemSource.FIREBASE);
    assertThat(ItemSource.of(URI.create("https://hacker-news.firebaseio.com/v0/"))).isEqualTo(ItemSource.FIREBASE);
    assertThat(ItemSource.of(URI.create("http://127.0.0.1:8089/v0"))).isEqualTo(ItemSource.CUSTOM);
    assertThat(ItemSource.of(URI.create("https://hacker-news.firebaseio.com.evil.example/v0")))
        .isEqualTo(ItemSource.CUSTOM);
  }

  @Test
  void hnUrl_shouldLinkToHn_onlyForFirebase() {
    assertThat(ItemSource.FIREBASE.hnUrl(8863)).isEqualTo("https://news.ycombinator.com/item?id=8863");
    assertThat(ItemSource.SNAPSHOT.hnUrl(8863)).isNull();
    assertThat(ItemSource.CUSTOM.hnUrl(8863)).isNull();
  }

  @Test
  void json_shouldBeTheLowerCaseLabel_bothWays() {
    assertThat(Json.write(ItemSource.SNAPSHOT)).isEqualTo("\"snapshot\"");
    assertThat(Json.read("\"custom\"", ItemSource.class)).isEqualTo(ItemSource.CUSTOM);
  }
}
