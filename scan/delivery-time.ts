/**
 * `<account>_CloudTrail_<region>_YYYYMMDDTHHmmZ_<unique>.json.gz`: "the year, month, day, hour, and
 * minute when the log file was delivered", in UTC. "A log file delivered at a specific time can
 * contain records written at any point before that time."
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
const NAME_TIME = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_[^/]*$/;

/** When a CloudTrail object was delivered (ms, to the minute), from its name; undefined for other names. */
const deliveredAt = (key: string): number | undefined => {
  const match = NAME_TIME.exec(key);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(year, month - 1, day, hour, minute);
};

/** The UTC days (`YYYY/MM/DD`, the layout's date folders) from the day of `from` to the day of `to`. */
const dayFolders = (from: number, to: number): string[] => {
  const days: string[] = [];
  const day = new Date(from);
  day.setUTCHours(0, 0, 0, 0);
  for (; day.getTime() <= to; day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10).replaceAll('-', '/'));
  }
  return days;
};

export { deliveredAt, dayFolders };
