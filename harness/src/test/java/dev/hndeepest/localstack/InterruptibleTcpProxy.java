package dev.hndeepest.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 between a local stack and its AWS emulator, so a test can take the
 * emulator away from the stack and give it back: {@link #cut()} resets every open connection and
 * every new one until {@link #restore()}; {@link #retarget(URI)} points the same endpoint at
 * another emulator, which to the stack is a restart of its emulator.
 */
final class InterruptibleTcpProxy implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile InetSocketAddress target;
  private volatile boolean cut;

  private InterruptibleTcpProxy(ServerSocket listener, URI target) {
    this.listener = listener;
    this.target = address(target);
    this.acceptor = Thread.ofVirtual().name("tcp-proxy-accept").start(this::acceptUntilClosed);
  }

  /** Listens on a free loopback port and forwards to {@code target}'s host and port. */
  static InterruptibleTcpProxy start(URI target) {
    try {
      return new InterruptibleTcpProxy(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()), target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
  }

  /** What the stack should use as its AWS endpoint. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** The emulator becomes unreachable: open connections are reset, new ones are reset at once. */
  void cut() {
    cut = true;
    open.forEach(InterruptibleTcpProxy::reset);
  }

  /** The emulator is reachable again. */
  void restore() {
    cut = false;
  }

  /** New connections go to {@code newTarget}; open ones are reset, as the old emulator is gone. */
  void retarget(URI newTarget) {
    target = address(newTarget);
    open.forEach(InterruptibleTcpProxy::reset);
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closing a listener cannot fail in a way a test should see.
    }
    open.forEach(InterruptibleTcpProxy::reset);
    acceptor.interrupt();
  }

  private void acceptUntilClosed() {
    while (!listener.isClosed()) {
      try {
        var client = listener.accept();
        if (cut) {
          reset(client);
        } else {
          Thread.ofVirtual().start(() -> forward(client));
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void forward(Socket client) {
    var upstream = new Socket();
    open.add(client);
    open.add(upstream);
    try {
      upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
      var back = Thread.ofVirtual().start(() -> pipe(upstream, client));
      pipe(client, upstream);
      back.join();
    } catch (IOException unreachable) {
      // The emulator is down: the client sees its connection reset, as a refused one.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      reset(client);
      reset(upstream);
      open.remove(client);
      open.remove(upstream);
    }
  }

  private static void pipe(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException ended) {
      // One side closed or was reset: the other side is closed by forward().
    }
  }

  /** Closes with an RST rather than a FIN, as a vanished host or a dropped route would look. */
  private static void reset(Socket socket) {
    try {
      if (!socket.isClosed()) {
        if (socket.isConnected()) {
          socket.setSoLinger(true, 0);
        }
        socket.close();
      }
    } catch (IOException ignored) {
      // Already gone.
    }
  }

  private static InetSocketAddress address(URI uri) {
    return new InetSocketAddress(uri.getHost(), uri.getPort());
  }
}
