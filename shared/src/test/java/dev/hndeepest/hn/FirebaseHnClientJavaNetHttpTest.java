package dev.hndeepest.hn;

/** Every {@link FirebaseHnClientTest} again, with requests sent by {@code java.net.http}. */
class FirebaseHnClientJavaNetHttpTest extends FirebaseHnClientTest {
  @Override
  HttpClientKind httpClient() {
    return HttpClientKind.JAVA_NET_HTTP;
  }
}
