"""What an operator watches: one JSON line per request (`logs.py`) and error reports to Sentry or GlitchTip
(`errors.py`). Neither records personal data: no names, e-mail addresses, query strings, form values or cookies."""
