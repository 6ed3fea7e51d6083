package dev.moviedb.understanding;

import java.util.Optional;

/** Turns a Dutch word into English words for the English-only embedding model. */
public interface Glosser {

  /** Short name for reports, e.g. {@code glossary}. */
  String id();

  /** The English for one Dutch word in its base form, if this glosser knows it. */
  Optional<String> english(String dutchWord);

  /** This glosser, and for the words it does not know, {@code other}. */
  default Glosser orElse(Glosser other) {
    Glosser first = this;
    return new Glosser() {
      @Override
      public String id() {
        return first.id() + "+" + other.id();
      }

      @Override
      public Optional<String> english(String dutchWord) {
        Optional<String> e = first.english(dutchWord);
        return e.isPresent() ? e : other.english(dutchWord);
      }
    };
  }

  /** A glosser that knows no word: Dutch words reach the model as typed. */
  Glosser NONE =
      new Glosser() {
        @Override
        public String id() {
          return "none";
        }

        @Override
        public Optional<String> english(String dutchWord) {
          return Optional.empty();
        }
      };
}
