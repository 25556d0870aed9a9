/* Linked into sanitized executables only (FRONTLINE_SANITIZE): dlclose does nothing.
 * LeakSanitizer checks for leaks at exit, after eglTerminate has dlclose'd Mesa's driver
 * (swrast_dri.so): the driver's own small allocations then point into unmapped code and are
 * reported as leaks in "<unknown module>". Keeping every library mapped avoids that without a
 * suppression, so project code stays fully checked. Exported from the executable
 * (--export-dynamic-symbol), it takes precedence over libc's dlclose for every library. */
int dlclose(void* handle);

int dlclose(void* handle) {
  (void)handle;
  return 0;
}
