// Module names turned into file paths for Python and JVM frames.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jvmModulePaths, modulePlatform, pythonModulePaths } from '../../../../src/core/resolve/modulePaths';

describe('modulePaths', () => {
  test('Python modules become a module file or a package __init__.py', () => {
    assert.deepEqual(pythonModulePaths('errors.views'), ['errors/views.py', 'errors/views/__init__.py']);
    assert.deepEqual(pythonModulePaths('__main__'), []);
    assert.deepEqual(pythonModulePaths('../etc'), []);
  });

  test('JVM classes become a package path, the frame file name replacing the class, then .java and .kt', () => {
    assert.deepEqual(jvmModulePaths('com.example.app.MainActivity$Inner', 'MainActivity.java'), [
      'com/example/app/MainActivity.java',
      'com/example/app/MainActivity.kt',
    ]);
    assert.deepEqual(jvmModulePaths('com.example.UtilsKt', 'Utils.kt'), [
      'com/example/Utils.kt',
      'com/example/UtilsKt.java',
      'com/example/UtilsKt.kt',
    ]);
    assert.deepEqual(jvmModulePaths('com.example.Main', null), ['com/example/Main.java', 'com/example/Main.kt']);
  });

  test('the platform comes from the frame, else the event, else the file extension', () => {
    assert.equal(modulePlatform('python', 'x'), 'python');
    assert.equal(modulePlatform('kotlin', null), 'jvm');
    assert.equal(modulePlatform('javascript', 'x.py'), undefined);
    assert.equal(modulePlatform(null, 'errors/views.py'), 'python');
    assert.equal(modulePlatform(undefined, 'MainActivity.kt'), 'jvm');
  });
});
