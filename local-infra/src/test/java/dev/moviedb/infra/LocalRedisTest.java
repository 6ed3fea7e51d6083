package dev.moviedb.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRedisTest {

  @TempDir Path dir;

  @Test
  void start_runsAMaintainedRedisOnLoopback_andCloseStopsIt() {
    LocalRedis redis = new LocalRedis(FreePorts.next(), dir.resolve("redis"));
    try (redis) {
      redis.start();
      assertThat(redis.answersPing()).isTrue();
      assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port());
    }
    assertThat(redis.answersPing()).as("after close").isFalse();
  }

  @Test
  void theMachinesRedis_isSevenOrLater() {
    assertThat(RedisBinary.onPath().version()).matches("([7-9]|\\d{2,})\\..*");
  }

  @Test
  void noRedisOnThePath_saysHowToInstallOne() {
    assertThatThrownBy(() -> RedisBinary.find(dir.toString()))
        .hasMessageContaining("redis-server is not on the PATH")
        .hasMessageContaining("apt-get install redis-server");
  }

  @Test
  void anOldRedis_isRefusedWithItsVersion() throws IOException {
    Path fake = dir.resolve("redis-server");
    Files.writeString(
        fake, "#!/bin/sh\necho 'Redis server v=6.2.6 sha=00000000:0 malloc=libc bits=64'\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThatThrownBy(() -> RedisBinary.find(dir.toString()))
        .hasMessageContaining("is Redis 6.2, no longer maintained")
        .hasMessageContaining("apt-get install redis-server");
  }
}
