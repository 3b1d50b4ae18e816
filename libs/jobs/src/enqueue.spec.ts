import { JOB_QUEUE, JobName } from './job-names';
import { outboxInsert } from './enqueue';

describe('outboxInsert', () => {
  it('writes the row enqueue writes, one per row of the source, with bound values', () => {
    const data = { kind: 'registration-confirmed' as const, registrationId: '00000000-0000-4000-8000-000000000001' };
    const { sql, params } = outboxInsert(JobName.Notify, data, 'inserted');
    expect(sql).toBe(`insert into outbox_message (queue, name, job_id, payload) select ?, ?, '', ?::jsonb from inserted`);
    expect(params).toEqual([JOB_QUEUE[JobName.Notify], JobName.Notify, JSON.stringify(data)]);
  });

  it('refuses a source that is not a plain name', () => {
    const data = { kind: 'registration-confirmed' as const, registrationId: '00000000-0000-4000-8000-000000000001' };
    expect(() => outboxInsert(JobName.Notify, data, 'inserted; drop table event')).toThrow(/must be the name of a table or CTE/);
  });
});
