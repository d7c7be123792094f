/** An error the local endpoint answers with, in the AWS JSON protocol's shape (`__type`, `message`). */
class ServiceError extends Error {
  readonly type: string;
  readonly status: number;

  constructor(type: string, message: string, status = 400) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

const invalid = (message: string): ServiceError => new ServiceError('InvalidParameterException', message);
const notFound = (message: string): ServiceError => new ServiceError('ResourceNotFoundException', message);

export { ServiceError, invalid, notFound };
