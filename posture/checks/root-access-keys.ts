import type { PostureCheck } from './posture-check.ts';

/**
 * CIS "no root access key": fails while a root access key is active. An inactive key cannot sign
 * requests; deleting it is still advised, but the benchmark's audit reads `access_key_N_active`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html
 */
const rootAccessKeys: PostureCheck = {
  id: 'root-access-keys',
  topic: 'no-root-access-key',
  source: '[IAM-CR] access_key_N_active; DOMAIN.md §7.1 "No root access key"',
  evaluate: ({ root }) => {
    const active = [1, 2].filter((key) => (key === 1 ? root.access_key_1_active : root.access_key_2_active));
    return {
      status: active.length > 0 ? 'fail' : 'pass',
      detail:
        active.length === 0
          ? 'root has no active access key'
          : `root access key${active.length > 1 ? 's' : ''} ${active.join(' and ')} ${active.length > 1 ? 'are' : 'is'} active`,
      columns: ['access_key_1_active', 'access_key_2_active'],
    };
  },
};

export { rootAccessKeys };
