/**
 * A log line in CloudWatch's embedded metric format: written to a Lambda function's stdout (its log
 * group), it becomes metrics, with no PutMetricData call that could fail after the work is done and
 * no IAM permission (`cloudwatch:PutMetricData` takes no resource, only `*`). Every metric is a
 * count, under one dimension set. Extraction is at least once: a value may occasionally count twice.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
const embeddedMetrics = (
  namespace: string,
  dimensions: Readonly<Record<string, string>>,
  counts: Readonly<Record<string, number>>,
  timestamp: number,
): Record<string, unknown> => ({
  _aws: {
    Timestamp: timestamp,
    CloudWatchMetrics: [
      {
        Namespace: namespace,
        Dimensions: [Object.keys(dimensions)],
        Metrics: Object.keys(counts).map((name) => ({ Name: name, Unit: 'Count' })),
      },
    ],
  },
  ...dimensions,
  ...counts,
});

export { embeddedMetrics };
