/** A command line that cannot run: the command prints the message and exits 2. */
class UsageError extends Error {
  override name = 'UsageError';
}

export { UsageError };
