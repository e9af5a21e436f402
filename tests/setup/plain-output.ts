// The tests read what the CLI prints for people as plain text. CI services set CI=true, which
// turns colours on (cli/colors.ts), and some set FORCE_COLOR. NO_COLOR wins over both in
// our CLI; FORCE_COLOR is removed as well because Node warns on stderr ("The 'NO_COLOR' env is
// ignored due to the 'FORCE_COLOR' env being set") in every child process that sees both, and
// several tests compare a child's stderr exactly. Runs in each test process before the test file.

delete process.env['FORCE_COLOR'];
process.env['NO_COLOR'] = '1';
