package dev.moviedb.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserIdsTest {

  @Test
  void namesEmailsAndKeycloakSubjects_areUserIds() {
    assertThat(UserIds.isValid("anna")).isTrue();
    assertThat(UserIds.isValid("anna.de-vries@example.nl")).isTrue();
    assertThat(UserIds.isValid("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")).isTrue();
  }

  @Test
  void pathsSpacesBracesAndOverlongIds_areNot() {
    assertThat(UserIds.isValid("anna/../bert")).isFalse();
    assertThat(UserIds.isValid("anna de vries")).isFalse();
    assertThat(UserIds.isValid("{anna}")).as("a Redis hash tag").isFalse();
    assertThat(UserIds.isValid("")).isFalse();
    assertThat(UserIds.isValid(null)).isFalse();
    assertThat(UserIds.isValid("a".repeat(65))).isFalse();
  }
}
