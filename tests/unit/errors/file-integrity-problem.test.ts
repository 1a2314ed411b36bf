import { FileIntegrityError } from '../../../server/files/file-store';
import { toProblem } from '../../../server/http/error-handler';

describe('a stored file that fails its check, reached outside a download', () => {
  it('when a handler meets it (filing a parked email whose .eml was altered), then it is a 409 file-integrity problem, not a 500', () => {
    const problem = toProblem(new FileIntegrityError('a'.repeat(64), 'b'.repeat(64)));
    expect(problem?.status).toBe(409);
    expect(problem?.type).toMatch(/file-integrity$/);
    expect(problem?.extensions).toEqual({ expectedSha256: 'a'.repeat(64), actualSha256: 'b'.repeat(64) });
  });
});
