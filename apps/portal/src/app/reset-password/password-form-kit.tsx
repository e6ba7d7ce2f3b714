"use client";
import { TRPCClientError } from "@trpc/client";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPassword } from "@concord/domain/client";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";

/** Field name → the messages to show next to it. */
export type FieldErrors = Record<string, string[]>;

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters (up to ${PASSWORD_MAX_LENGTH}). Spaces are fine: a few unrelated words make a strong password you can remember. Very common passwords are refused.`;

/**
 * The policy's own words before anything is sent (the domain's checkPassword, the same one the
 * server applies), plus "the two entries differ".
 */
export function newPasswordErrors(opts: { password: string; confirm: string; email: string; name?: string; passwordField: string }): FieldErrors {
  const errors: FieldErrors = {};
  const problems = checkPassword(opts.password, { email: opts.email, name: opts.name });
  if (problems.length > 0) errors[opts.passwordField] = problems;
  else if (opts.confirm !== opts.password) errors.confirm = ["The two passwords are not the same. Type the new password again."];
  return errors;
}

/**
 * Where the server's refusal belongs: zod field errors ("password": [...]) or a domain error that
 * names its field ({ field, problems }); anything else is about the form as a whole ("form").
 */
export function serverErrors(error: unknown): FieldErrors {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string[] | undefined>; details?: { field?: unknown; problems?: unknown } } | undefined;
    const fromZod = Object.entries(data?.fieldErrors ?? {}).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0);
    if (fromZod.length > 0) return Object.fromEntries(fromZod);
    const field = data?.details?.field;
    if (typeof field === "string") {
      const problems = data?.details?.problems;
      return { [field]: Array.isArray(problems) ? problems.map(String) : [error.message] };
    }
    return { form: [error.message] };
  }
  return { form: ["Something went wrong. Please try again."] };
}

/** A labelled password input with its hint and its errors, wired for screen readers. */
export function PasswordField(props: {
  id: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  hint?: string | undefined;
  errors?: string[] | undefined;
}) {
  const { id, label, autoComplete, hint, errors } = props;
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={
        errors?.length
          ? errors.map((message) => (
              <span key={message} className="block">
                {message}
              </span>
            ))
          : undefined
      }
    >
      <Input name={id} type="password" autoComplete={autoComplete} required maxLength={PASSWORD_MAX_LENGTH * 4} />
    </Field>
  );
}
