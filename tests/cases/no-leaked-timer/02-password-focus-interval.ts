// Source: https://github.com/llaske/sugarizer/issues/2024
// Bug: the security screen polled for its password field every second and tried to stop with a clear that had no interval id, so each visit left one more unstoppable interval.
// expect: no-leaked-timer/intervalNeverCleared 14:5

interface PasswordField {
  focus(): void;
}

export class SecuritySettings {
  password: PasswordField | null = null;
  private focusTimer: ReturnType<typeof setInterval> | undefined;

  mounted(): void {
    setInterval(() => {
      if (this.password) {
        this.password.focus();
        clearInterval(this.focusTimer);
      }
    }, 1000);
  }
}
