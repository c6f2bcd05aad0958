package vn.loa.channel.radio.speech;

/** Encoded speech: the MP3 bytes and how long it plays. */
public record Speech(byte[] mp3, int durationSeconds, long synthesisMillis) {
}
