// The server-rendered pages (home, unknown kommune, no access) need only the shared stylesheet.
import '../shared/base.css';
